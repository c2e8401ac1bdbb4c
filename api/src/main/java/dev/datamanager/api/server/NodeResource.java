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

/** The cluster as the nodes' heartbeats describe it (read: admin and support); also a Rest Client interface. */
@Path(NodeResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "server", description = "This node, for operators")
public interface NodeResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "nodes";

  @GET
  @Operation(summary = "The nodes seen lately: a row per running process, from its heartbeat (about once a second)")
  @APIResponse(responseCode = "200", description = "The nodes, by server id",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "nodes",
          value = "{\"nodes\":[{\"id\":\"node-a\",\"startedAt\":\"2026-11-25T19:00:00Z\","
              + "\"lastSeen\":\"2026-11-25T20:00:00Z\",\"silentSeconds\":0,\"sessions\":120,\"dirty\":14,"
              + "\"autosaveLagSeconds\":21,\"draining\":false,\"steals\":0,\"locksLost\":0}]}")))
  @APIResponse(responseCode = "401", ref = "Unauthorized")
  @APIResponse(responseCode = "403", ref = "Forbidden")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  NodeList nodes();
}
