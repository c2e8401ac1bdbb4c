package dev.datamanager.web.error;

import dev.datamanager.api.error.InvalidUnicodeException;
import jakarta.ws.rs.ext.Provider;

/** A body whose strings or member names are not valid Unicode (I-JSON). */
@Provider
public class InvalidUnicodeMapper extends ProblemMapper<InvalidUnicodeException> {

  public InvalidUnicodeMapper() {
    super(400, "invalid-unicode", "Invalid Unicode");
  }
}
