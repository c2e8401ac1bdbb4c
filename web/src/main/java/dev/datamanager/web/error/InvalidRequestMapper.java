package dev.datamanager.web.error;

import dev.datamanager.api.error.InvalidRequestException;
import jakarta.ws.rs.ext.Provider;

/** Parameters or a body that break the API's rules. */
@Provider
public class InvalidRequestMapper extends ProblemMapper<InvalidRequestException> {

  public InvalidRequestMapper() {
    super(400, "invalid-request", "Invalid request");
  }
}
