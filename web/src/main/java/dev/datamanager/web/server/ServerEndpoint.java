package dev.datamanager.web.server;

import dev.datamanager.api.server.ServerInfo;
import dev.datamanager.api.server.ServerResource;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Answers {@code GET /api/v1/server}. */
@RequestScoped
@Path(ServerResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class ServerEndpoint implements ServerResource {

  @Inject NodeSettings settings;
  @Inject SessionRegistry registry;

  @Override
  public ServerInfo describe() {
    return new ServerInfo(settings.serverId(), registry.size(), settings.asMap());
  }
}
