package dev.datamanager.web.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps one exception type to one kind of problem; the exception's message is the detail. */
abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

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
    Response.ResponseBuilder response = new Problem(kind, title, status, exception.getMessage()).response();
    if (retryable) {
      response.header(HttpHeaders.RETRY_AFTER, RetryAfter.SECONDS);
    }
    return decorate(response, exception).build();
  }

  /** Adds headers such as {@code Retry-After}; most problems need none. */
  Response.ResponseBuilder decorate(Response.ResponseBuilder response, E exception) {
    return response;
  }
}
