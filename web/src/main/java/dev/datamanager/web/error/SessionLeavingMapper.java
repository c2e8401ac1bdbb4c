package dev.datamanager.web.error;

import dev.datamanager.api.error.SessionLeavingException;
import jakarta.ws.rs.ext.Provider;

/** The session's release has taken its final snapshot; the change was refused, not applied. */
@Provider
public class SessionLeavingMapper extends ProblemMapper<SessionLeavingException> {

  public SessionLeavingMapper() {
    super(409, "session-leaving", "Session is leaving");
  }
}
