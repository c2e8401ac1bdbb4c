package dev.datamanager.api.session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A record's committed state and lock, read without a session (admin); also a MicroProfile Rest Client interface. */
@Path(RecordResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "records", description = "Committed data, for operators")
public interface RecordResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "stores/{store}/records/{key}";

  @GET
  @Operation(summary = "The committed data and lock state of a record; no session needed")
  @APIResponse(responseCode = "200", description = "The record; lock is null when no node holds it",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "record",
          value = ApiExamples.RECORD)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  RecordView get(@PathParam("store") String store, @PathParam("key") String key);
}
