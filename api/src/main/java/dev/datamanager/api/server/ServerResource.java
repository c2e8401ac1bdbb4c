package dev.datamanager.api.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The node's self-description; also usable as a MicroProfile Rest Client interface. */
@Path(ServerResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public interface ServerResource {

  /** Path below {@code /api/v1}; implementations repeat it, as JAX-RS scans classes, not interfaces. */
  String PATH = "server";

  @GET
  ServerInfo describe();
}
