package dev.datamanager.web.error;

import dev.datamanager.api.error.OwnerRefusedChangeException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The answer the node holding a record gave to an admin change, passed on with its own status. */
@Provider
public class OwnerRefusedChangeMapper implements ExceptionMapper<OwnerRefusedChangeException> {

  @Context UriInfo request;

  @Override
  public Response toResponse(OwnerRefusedChangeException exception) {
    Problem problem = exception.status() == 413
        ? new Problem("document-too-large", "Document too large", 413, exception.getMessage(), false, null, null)
        : new Problem("invalid-patch", "Patch refused", exception.status(), exception.getMessage(), false, null,
            null);
    return ProblemRecord.about(problem, exception, request).response().build();
  }
}
