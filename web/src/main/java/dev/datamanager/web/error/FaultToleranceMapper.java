package dev.datamanager.web.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/** A timeout, open circuit or full bulkhead that reached the boundary: the node is overloaded, retry later. */
@Provider
public class FaultToleranceMapper implements ExceptionMapper<FaultToleranceException> {

  @Context UriInfo request;

  @Override
  public Response toResponse(FaultToleranceException exception) {
    Problem problem = new Problem("temporarily-unavailable", "Temporarily unavailable", 503,
        "The node could not finish the request in time (" + exception.getClass().getSimpleName()
            + "); nothing held in RAM was lost. Retry the request later.");
    return ProblemRecord.about(problem, exception, request).response()
        .header(HttpHeaders.RETRY_AFTER, RetryAfter.SECONDS).build();
  }
}
