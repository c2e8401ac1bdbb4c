package dev.datamanager.web.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Any failure no other mapper knows: logged in full here, answered with a generic 500 and an incident id. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Context UriInfo request;

  @Override
  public Response toResponse(Throwable exception) {
    // The id ties the client's report to the server log without exposing internals to the client.
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
    Problem problem = new Problem("internal-error", "Internal error", 500,
        "The node failed unexpectedly; no change was acknowledged. Report incident " + incident
            + " to the operators.");
    return ProblemRecord.about(problem, exception, request).response().build();
  }
}
