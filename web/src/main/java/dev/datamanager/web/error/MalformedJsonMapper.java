package dev.datamanager.web.error;

import dev.datamanager.api.error.MalformedJsonException;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not one well-formed JSON value. */
@Provider
public class MalformedJsonMapper extends ProblemMapper<MalformedJsonException> {

  public MalformedJsonMapper() {
    super(400, "malformed-json", "Malformed JSON");
  }
}
