package dev.datamanager.web.error;

import dev.datamanager.api.error.SessionLostException;
import jakarta.ws.rs.ext.Provider;

/** The session was taken over by another node; the caller must join again. */
@Provider
public class SessionLostMapper extends ProblemMapper<SessionLostException> {

  public SessionLostMapper() {
    super(409, "session-lost", "Session lost to another node");
  }
}
