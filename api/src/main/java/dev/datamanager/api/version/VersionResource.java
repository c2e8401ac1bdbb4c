package dev.datamanager.api.version;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A record's kept versions: list, read one, pin and unpin (read: admin and support; pins: admin); also a
 * MicroProfile Rest Client interface. Parameters are taken as text and checked by the node, so a bad one is a
 * {@code 400} problem that says what is wrong.
 */
@Path(VersionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "versions", description = "The kept versions of a record, for operators")
public interface VersionResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "stores/{store}/records/{key}/versions";

  @GET
  @Operation(summary = "The record's kept versions, newest first by default; the list includes the current version")
  @APIResponse(responseCode = "200", description = "One page of versions; next is null on the last page",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "versions",
          value = VersionExamples.LIST)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  VersionList list(@PathParam("store") String store, @PathParam("key") String key,
      @Parameter(description = "Only versions saved at or after this RFC 3339 instant (any offset)")
      @QueryParam("from") String from,
      @Parameter(description = "Only versions saved at or before this RFC 3339 instant (any offset)")
      @QueryParam("to") String to,
      @Parameter(description = "desc (newest first, the default) or asc") @QueryParam("order") String order,
      @Parameter(description = "Versions per page: 1 to 500, default 50") @QueryParam("limit") String limit,
      @Parameter(description = "The next of the previous page") @QueryParam("cursor") String cursor);

  @GET
  @Path("{version}")
  @Operation(summary = "One kept version with its document")
  @APIResponse(responseCode = "200", description = "The version",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "version",
          value = VersionExamples.VERSION)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  VersionView get(@PathParam("store") String store, @PathParam("key") String key,
      @Parameter(description = "A version number: 0 or more") @PathParam("version") String version);

  @PUT
  @Path("{version}/pin")
  @Operation(summary = "Pins a version: retention never prunes it (admin; audited)")
  @APIResponse(responseCode = "200", description = "The pinned version",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pinned",
          value = VersionExamples.SUMMARY)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  VersionSummary pin(@PathParam("store") String store, @PathParam("key") String key,
      @PathParam("version") String version);

  @DELETE
  @Path("{version}/pin")
  @Operation(summary = "Unpins a version: retention treats it like any other again (admin; audited)")
  @APIResponse(responseCode = "204", description = "Unpinned (also when it was not pinned)")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  void unpin(@PathParam("store") String store, @PathParam("key") String key, @PathParam("version") String version);
}
