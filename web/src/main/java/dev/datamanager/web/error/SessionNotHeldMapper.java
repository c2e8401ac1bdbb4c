package dev.datamanager.web.error;

import dev.datamanager.api.error.SessionNotHeldException;
import jakarta.ws.rs.ext.Provider;

/** This node holds no session for the record. */
@Provider
public class SessionNotHeldMapper extends ProblemMapper<SessionNotHeldException> {

  public SessionNotHeldMapper() {
    super(404, "session-not-held", "No session here");
  }
}
