package dev.datamanager.web.error;

import dev.datamanager.api.error.DataManagerException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps one exception type to one kind of problem; the exception's message is the detail. */
abstract class ProblemMapper<E extends DataManagerException> implements ExceptionMapper<E> {

  @Context UriInfo request;

  private final int status;
  private final String kind;
  private final String title;
  private final boolean retryable;

  ProblemMapper(int status, String kind, String title) {
    this(status, kind, title, false);
  }

  /** A problem that a later retry may not have; its answer carries {@code Retry-After}. */
  ProblemMapper(int status, String kind, String title, boolean retryable) {
    this.status = status;
    this.kind = kind;
    this.title = title;
    this.retryable = retryable;
  }

  @Override
  public Response toResponse(E exception) {
    Problem problem = new Problem(kind, title, status, exception.getMessage(), retryable, null, null);
    Response.ResponseBuilder response = ProblemRecord.about(problem, exception, request).response();
    return retryable ? response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(exception)).build()
        : response.build();
  }

  /** How long to wait before the retry; most retryable problems are a short outage of this node. */
  long retryAfterSeconds(E exception) {
    return RetryAfter.SECONDS;
  }
}
