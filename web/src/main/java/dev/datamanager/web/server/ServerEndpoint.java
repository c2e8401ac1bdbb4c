package dev.datamanager.web.server;

import dev.datamanager.api.server.ServerInfo;
import dev.datamanager.api.server.ServerResource;
import dev.datamanager.core.config.NodeSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Answers {@code GET /api/v1/server}. */
@RequestScoped
@Path(ServerResource.PATH)
public class ServerEndpoint implements ServerResource {

  @Inject NodeSettings settings;

  @Override
  public ServerInfo describe() {
    return new ServerInfo(settings.serverId(), 0, settings.asMap());
  }
}
