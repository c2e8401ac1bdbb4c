package dev.datamanager.web.server;

import dev.datamanager.api.server.ServerInfo;
import dev.datamanager.api.server.ServerResource;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.lifecycle.NodeState;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.version.RetentionSettings;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers {@code GET /api/v1/server} and {@code POST /api/v1/server/drain}. */
@RequestScoped
@Path(ServerResource.PATH)
@RolesAllowed({Roles.ADMIN, Roles.SUPPORT})
public class ServerEndpoint implements ServerResource {

  @Inject NodeSettings settings;
  @Inject SessionRegistry registry;
  @Inject RetentionSettings retention;
  @Inject NodeState state;
  @Inject AuditLog audit;

  @Context SecurityContext security;

  @Override
  public ServerInfo describe() {
    Map<String, String> inForce = new LinkedHashMap<>(settings.asMap());
    inForce.putAll(retention.asMap());
    return new ServerInfo(settings.serverId(), registry.size(), state.draining(), inForce);
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response drain() {
    state.drain();
    audit.record(security.getUserPrincipal().getName(), AuditAction.DRAIN, settings.serverId(), "ok", null);
    return Response.accepted(describe()).build();
  }
}
