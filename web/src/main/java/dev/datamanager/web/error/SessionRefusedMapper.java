package dev.datamanager.web.error;

import dev.datamanager.api.error.SessionRefusedException;
import jakarta.ws.rs.ext.Provider;

/** The join was refused because another node holds the record; {@code Retry-After} says when its lock goes stale. */
@Provider
public class SessionRefusedMapper extends ProblemMapper<SessionRefusedException> {

  public SessionRefusedMapper() {
    super(409, "session-refused", "Save in progress, please rejoin", true);
  }

  @Override
  long retryAfterSeconds(SessionRefusedException exception) {
    // At least one second: Retry-After 0 would invite a busy loop of rejoins.
    return Math.max(1, exception.retryAfter().toSeconds());
  }
}
