package dev.datamanager.web.error;

import dev.datamanager.api.error.InvalidNameException;
import jakarta.ws.rs.ext.Provider;

/** A store name or key that breaks the naming rule. */
@Provider
public class InvalidNameMapper extends ProblemMapper<InvalidNameException> {

  public InvalidNameMapper() {
    super(400, "invalid-name", "Invalid store or key");
  }
}
