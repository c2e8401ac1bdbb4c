package dev.datamanager.web.error;

import dev.datamanager.api.error.InvalidUserIdException;
import jakarta.ws.rs.ext.Provider;

/** A user id, or a list of them, that breaks the user-id rule. */
@Provider
public class InvalidUserIdMapper extends ProblemMapper<InvalidUserIdException> {

  public InvalidUserIdMapper() {
    super(400, "invalid-user-id", "Invalid user id");
  }
}
