package dev.datamanager.api.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of admin actions (read: admin and support); also a MicroProfile Rest Client interface. */
@Path(AuditResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Who did what, for operators")
public interface AuditResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "audit";

  @GET
  @Operation(summary = "Admin actions, newest first")
  @APIResponse(responseCode = "200", description = "One page of entries; next is null on the last page",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "entries",
          value = "{\"entries\":[{\"at\":\"2026-11-25T20:00:00.123456Z\",\"user\":\"ops-anna\",\"action\":\"pin\","
              + "\"target\":\"PlayerData/Player_1@7\",\"outcome\":\"ok\",\"detail\":null}],\"next\":null}")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  AuditList list(
      @Parameter(description = "Only entries at or after this RFC 3339 instant (any offset)")
      @QueryParam("from") String from,
      @Parameter(description = "Only entries at or before this RFC 3339 instant (any offset)")
      @QueryParam("to") String to,
      @Parameter(description = "Only this action: restore, edit, erase, erase-user, message, job-start, job-cancel,"
          + " pin, unpin or drain") @QueryParam("action") String action,
      @Parameter(description = "Entries per page: 1 to 500, default 50") @QueryParam("limit") String limit,
      @Parameter(description = "The next of the previous page") @QueryParam("cursor") String cursor);
}
