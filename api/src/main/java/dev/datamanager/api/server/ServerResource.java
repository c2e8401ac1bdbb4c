package dev.datamanager.api.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The node's self-description; also usable as a MicroProfile Rest Client interface. */
@Path(ServerResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "server", description = "This node, for operators")
public interface ServerResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "server";

  @GET
  @Operation(summary = "This node: its server id, how many sessions it holds, the settings in force")
  @APIResponse(responseCode = "200", description = "The node",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "node",
          value = "{\"serverId\":\"node-a\",\"sessionCount\":3,\"draining\":false,"
              + "\"settings\":{\"datamanager.autosave.interval\":\"PT30S\"}}")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  ServerInfo describe();

  @POST
  @Path("drain")
  @Operation(summary = "Drain this node before restarting it",
      description = "From now on the node refuses joins (503, join on another node) and hands each session over"
          + " when another node asks for it; leaves, updates and autosaves go on. Stopping the node then saves and"
          + " releases the rest. Draining again changes nothing.")
  @APIResponse(responseCode = "202", description = "The node drains",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "node",
          value = "{\"serverId\":\"node-a\",\"sessionCount\":3,\"draining\":true,"
              + "\"settings\":{\"datamanager.autosave.interval\":\"PT30S\"}}")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  Response drain();
}
