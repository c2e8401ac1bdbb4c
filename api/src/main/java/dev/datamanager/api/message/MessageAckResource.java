package dev.datamanager.api.message;

import dev.datamanager.api.session.ApiExamples;
import dev.datamanager.api.session.SessionResource;
import dev.datamanager.api.session.SessionView;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The game consumes a pending message of a session it holds, optionally patching the session in the same step. */
@Path(MessageAckResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messages")
public interface MessageAckResource {

  String PATH = "stores/{store}/sessions/{key}/messages/{id}/ack";

  /**
   * One method for every body: none (just consume), a merge patch or a JSON Patch, told apart by {@code
   * Content-Type}, so a body of another type is a 415 rather than silently ignored.
   */
  @POST
  @Operation(summary = "Consume a pending message; an optional patch is applied in the same step",
      description = "No body just consumes. A body is a JSON Merge Patch (application/merge-patch+json) or a JSON "
          + "Patch (application/json-patch+json). The patch and the message's removal are saved together in one "
          + "commit (version reason message): after any crash either both happened or neither did. A refused "
          + "patch (422) changes nothing and leaves the message pending.")
  @RequestBody(content = {
      @Content(mediaType = SessionResource.JSON_PATCH,
          examples = @ExampleObject(name = "record the gift", value = MessageExamples.ACK_JSON_PATCH)),
      @Content(mediaType = SessionResource.MERGE_PATCH,
          examples = @ExampleObject(name = "add the coins", value = MessageExamples.ACK_MERGE_PATCH))})
  @APIResponse(responseCode = "200", description = "The session, without the message",
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
  @APIResponse(responseCode = "503", ref = "Unavailable")
  SessionView ack(@PathParam("store") String store, @PathParam("key") String key, @PathParam("id") String id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body);
}
