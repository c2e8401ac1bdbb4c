package dev.datamanager.web.error;

import dev.datamanager.api.error.NotHeldHereException;
import jakarta.ws.rs.ext.Provider;

/** Not held on this node: {@code not-held-here}. */
@Provider
public class NotHeldHereMapper extends ProblemMapper<NotHeldHereException> {

  public NotHeldHereMapper() {
    super(409, "not-held-here", "Not held on this node");
  }
}
