package dev.datamanager.api.message;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Messages to a record, held or not, existing or not: send (game), list (read) and delete (admin). */
@Path(MessageResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messages", description = "JSON objects sent to a record; its owner consumes each exactly once")
public interface MessageResource {

  String PATH = "stores/{store}/records/{key}/messages";
  String IDEMPOTENCY_KEY = "Idempotency-Key";

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send a JSON object to a record: stored at once, shown in its session within a poll",
      description = "The record need not be held nor exist: a join shows its pending messages. At most "
          + "datamanager.messages.max-pending pending per record, datamanager.messages.max-bytes each. With an "
          + "Idempotency-Key, a repeat within 24 h answers the first message and stores nothing new.")
  @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "gift", value = MessageExamples.GIFT)))
  @APIResponse(responseCode = "202", description = "Stored",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "sent",
          value = MessageExamples.SENT)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Refused")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "422", ref = "InvalidPatch")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  Response send(@PathParam("store") String store, @PathParam("key") String key,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, JsonObject body);

  @GET
  @Operation(summary = "The messages pending for a record, oldest first")
  @APIResponse(responseCode = "200", description = "The pending messages",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "messages",
          value = MessageExamples.LIST)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  MessageList list(@PathParam("store") String store, @PathParam("key") String key);

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete a pending message; it leaves its session's inbox at the owner's next poll")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  void delete(@PathParam("store") String store, @PathParam("key") String key, @PathParam("id") String id);
}
