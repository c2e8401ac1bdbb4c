package dev.datamanager.web.session;

import dev.datamanager.api.session.SessionListResource;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.session.SessionManager;
import dev.datamanager.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.List;

/** Answers {@code GET /api/v1/sessions}. */
@RequestScoped
@Path(SessionListResource.PATH)
@RolesAllowed({Roles.GAME_SERVER, Roles.ADMIN})
public class SessionListEndpoint implements SessionListResource {

  @Inject SessionManager sessions;

  @Override
  public List<SessionView> list() {
    return sessions.list();
  }
}
