package dev.datamanager.web.error;

import dev.datamanager.api.error.InvalidParameterException;
import jakarta.ws.rs.ext.Provider;

/** A query or path parameter that breaks its rule (a time, a limit, a cursor, a version number, an action). */
@Provider
public class InvalidParameterMapper extends ProblemMapper<InvalidParameterException> {

  public InvalidParameterMapper() {
    super(400, "invalid-parameter", "Invalid parameter");
  }
}
