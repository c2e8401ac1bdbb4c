package dev.datamanager.web.server;

import dev.datamanager.api.server.NodeList;
import dev.datamanager.api.server.NodeResource;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Answers {@code GET /api/v1/nodes} from the heartbeat rows every node writes. */
@RequestScoped
@Path(NodeResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class NodeEndpoint implements NodeResource {

  @Inject DatabaseGateway database;

  @Override
  public NodeList nodes() {
    return new NodeList(database.nodes());
  }
}
