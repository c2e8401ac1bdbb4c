package dev.datamanager.web.error;

import dev.datamanager.api.error.InvalidPatchException;
import jakarta.ws.rs.ext.Provider;

/** A patch that cannot be applied or would break the store's template. */
@Provider
public class InvalidPatchMapper extends ProblemMapper<InvalidPatchException> {

  public InvalidPatchMapper() {
    super(422, "invalid-patch", "Patch refused");
  }
}
