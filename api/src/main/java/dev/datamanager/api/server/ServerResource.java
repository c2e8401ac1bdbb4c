package dev.datamanager.api.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
          value = "{\"serverId\":\"node-a\",\"sessionCount\":3,"
              + "\"settings\":{\"datamanager.autosave.interval\":\"PT30S\"}}")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  ServerInfo describe();
}
