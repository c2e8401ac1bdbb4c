package dev.datamanager.web.server;

import dev.datamanager.api.server.ServerInfo;
import dev.datamanager.api.server.ServerResource;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.version.RetentionSettings;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers {@code GET /api/v1/server}. */
@RequestScoped
@Path(ServerResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class ServerEndpoint implements ServerResource {

  @Inject NodeSettings settings;
  @Inject SessionRegistry registry;
  @Inject RetentionSettings retention;

  @Override
  public ServerInfo describe() {
    Map<String, String> inForce = new LinkedHashMap<>(settings.asMap());
    inForce.putAll(retention.asMap());
    return new ServerInfo(settings.serverId(), registry.size(), inForce);
  }
}
