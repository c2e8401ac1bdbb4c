package dev.datamanager.api.user;

import dev.datamanager.api.session.ApiExamples;
import jakarta.ws.rs.DELETE;
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

/** A user id's records in every store: access (export) and erasure; also a MicroProfile Rest Client interface. */
@Path(UserResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "Access and erasure requests: every record that lists a user id")
public interface UserResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "users/{userId}";

  @GET
  @Operation(summary = "Every record, in every store, whose saved user ids list this user id, with its data",
      description = "Each record is the body of GET …/records/{key}. User ids set in a session count once that "
          + "session is saved. No records: an empty list. Roles admin and support.")
  @APIResponse(responseCode = "200", description = "The records, possibly none",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "records",
          value = "{\"records\":[" + ApiExamples.RECORD + "]}")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  UserRecords records(@PathParam("userId") String userId);

  @DELETE
  @Operation(summary = "Erase every record that lists this user id: data, every version, pending messages",
      description = "Each record is erased lock-safely (a record a live node holds is erased by that node, whose "
          + "session then answers 409 lost). A record whose owner does not answer and whose lease is still recent "
          + "is listed under pending and erased by the nodes once its lease is stale; its data is still there "
          + "until then. The audit trail keeps a one-way hash of the user id, never the id. Role admin.")
  @APIResponse(responseCode = "200", description = "The records erased now and those pending",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "erasure",
          value = "{\"erased\":[{\"store\":\"PlayerData\",\"key\":\"Player_123\"}],"
              + "\"pending\":[{\"store\":\"Purchases\",\"key\":\"Player_123\"}]}")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  UserErasure erase(@PathParam("userId") String userId);
}
