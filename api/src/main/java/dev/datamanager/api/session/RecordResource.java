package dev.datamanager.api.session;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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

  @PATCH
  @Consumes(SessionResource.MERGE_PATCH)
  @Operation(summary = "Lock-safe edit by an admin (JSON Merge Patch), committed as a new version (reason edit)",
      description = "A free record is taken like a join, changed and released; a record held by a live node is "
          + "changed by that node in the held session (the player is not kicked) and committed before the answer; "
          + "a record whose owner does not answer and whose lease is not yet stale answers 409.")
  @APIResponse(responseCode = "200", description = "The record after the commit")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Refused")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "422", ref = "InvalidPatch")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  RecordView mergeEdit(@PathParam("store") String store, @PathParam("key") String key, JsonValue patch);

  @PATCH
  @Consumes(SessionResource.JSON_PATCH)
  @Operation(summary = "Lock-safe edit by an admin (JSON Patch), committed as a new version (reason edit)")
  @APIResponse(responseCode = "200", description = "The record after the commit")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Refused")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "422", ref = "InvalidPatch")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  RecordView jsonEdit(@PathParam("store") String store, @PathParam("key") String key, JsonValue patch);

  @POST
  @Path("restore")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Restore the record to a version or a point in time, lock-safely, as a new version",
      description = "Body {\"version\": n} or {\"at\": \"2026-11-25T20:00:00Z\"} (the latest version kept that was "
          + "saved at or before that instant). Data and schemaVersion come back; userIds stay as they are.")
  @APIResponse(responseCode = "200", description = "The record after the commit")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Refused")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  RecordView restore(@PathParam("store") String store, @PathParam("key") String key, JsonObject target);

  @DELETE
  @Operation(summary = "Erase the record lock-safely: its data, every version and its pending messages",
      description = "A free record is taken like a join and erased; a record held by a live node is erased by that "
          + "node, whose session then answers 409 lost; a record whose owner does not answer and whose lease is "
          + "not yet stale answers 409 with Retry-After. Nothing is kept as a version; the audit trail keeps a "
          + "one-way hash of store/key, never the key. Role admin.")
  @APIResponse(responseCode = "204", description = "Erased")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Refused")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  void erase(@PathParam("store") String store, @PathParam("key") String key);
}
