package dev.datamanager.web.error;

import dev.datamanager.api.error.RequestTooLargeException;
import jakarta.ws.rs.ext.Provider;

/** A request body over the size limit, refused before it was read whole. */
@Provider
public class RequestTooLargeMapper extends ProblemMapper<RequestTooLargeException> {

  public RequestTooLargeMapper() {
    super(413, "request-too-large", "Request body too large");
  }
}
