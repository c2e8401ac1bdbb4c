package dev.datamanager.api.session;

import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A player's session on this node: join, read, patch, save and leave; also a MicroProfile Rest Client interface. */
@Path(SessionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "Records loaded and locked by this node while a player plays")
public interface SessionResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "stores/{store}/sessions/{key}";
  String MERGE_PATCH = "application/merge-patch+json";
  String JSON_PATCH = "application/json-patch+json";
  String PREFER_MINIMAL = "Send return=minimal (RFC 7240) for a 204 without the document, the new state's opaque tag"
      + " in ETag and Preference-Applied: return=minimal; the answer's cost then does not grow with the document.";
  String MINIMAL_ANSWER = "Patched, with Prefer: return=minimal: no body; ETag names the new state";

  @POST
  @Operation(summary = "Join: load and lock the record, reconcile it with the store's template, hold it in RAM",
      description = "Idempotent on this node: joining a record this node already holds answers the held session.")
  @APIResponse(responseCode = "200", description = "The session",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "session",
          value = ApiExamples.SESSION)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Refused")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  SessionView join(@PathParam("store") String store, @PathParam("key") String key);

  @GET
  @Operation(summary = "The session's data as cached in this node's RAM")
  @APIResponse(responseCode = "200", description = "The session",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "session",
          value = ApiExamples.SESSION)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "SessionLost")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  SessionView get(@PathParam("store") String store, @PathParam("key") String key);

  @PATCH
  @Consumes(MERGE_PATCH)
  @Operation(summary = "Change RAM with a JSON Merge Patch (RFC 7396); null removes a member")
  @RequestBody(content = @Content(mediaType = MERGE_PATCH,
      examples = @ExampleObject(name = "add coins", value = ApiExamples.MERGE_PATCH)))
  @APIResponse(responseCode = "200", description = "The patched session, marked dirty",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "session",
          value = ApiExamples.SESSION)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "SessionLost")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "InvalidPatch")
  @Parameter(name = "Prefer", in = ParameterIn.HEADER, description = PREFER_MINIMAL)
  @APIResponse(responseCode = "204", description = MINIMAL_ANSWER)
  SessionView mergePatch(@PathParam("store") String store, @PathParam("key") String key, JsonValue patch);

  @PATCH
  @Consumes(JSON_PATCH)
  @Operation(summary = "Change RAM with a JSON Patch (RFC 6902), such as an add to /items/-")
  @RequestBody(content = @Content(mediaType = JSON_PATCH,
      examples = @ExampleObject(name = "append an item", value = ApiExamples.JSON_PATCH)))
  @APIResponse(responseCode = "200", description = "The patched session, marked dirty",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "session",
          value = ApiExamples.SESSION)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "SessionLost")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "InvalidPatch")
  @Parameter(name = "Prefer", in = ParameterIn.HEADER, description = PREFER_MINIMAL)
  @APIResponse(responseCode = "204", description = MINIMAL_ANSWER)
  SessionView jsonPatch(@PathParam("store") String store, @PathParam("key") String key, JsonValue patch);

  @POST
  @Path("save")
  @Operation(summary = "Commit the session now (a fenced write); the answer carries the new version")
  @APIResponse(responseCode = "200", description = "The saved session",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "session",
          value = ApiExamples.SESSION)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "SessionLost")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  SessionView save(@PathParam("store") String store, @PathParam("key") String key);

  @DELETE
  @Operation(summary = "Leave: save and release the lock in one transaction, then drop the session from RAM")
  @APIResponse(responseCode = "204", description = "Saved and released")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "SessionLost")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  void leave(@PathParam("store") String store, @PathParam("key") String key);

  @PUT
  @Path("user-ids")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the user ids the record holds data about; saved with the session's next save",
      description = "A JSON array of at most 32 user ids, each 1 to 64 characters of A-Z a-z 0-9 _ - . : (send "
          + "numbers as strings); [] clears them. A repeated id is kept once, at its first place. Access and "
          + "erasure requests (GET/DELETE /users/{userId}) find the record by the saved ids.")
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "user ids", value = ApiExamples.USER_IDS)))
  @APIResponse(responseCode = "200", description = "The session with its new user ids, marked dirty",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "session",
          value = ApiExamples.SESSION)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "SessionLost")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  SessionView replaceUserIds(@PathParam("store") String store, @PathParam("key") String key, JsonValue userIds);
}
