package dev.datamanager.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps one exception type to one kind of problem; the exception's message is the detail. */
abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

  private final int status;
  private final String kind;
  private final String title;

  ProblemMapper(int status, String kind, String title) {
    this.status = status;
    this.kind = kind;
    this.title = title;
  }

  @Override
  public Response toResponse(E exception) {
    return decorate(new Problem(kind, title, status, exception.getMessage()).response(), exception).build();
  }

  /** Adds headers such as {@code Retry-After}; most problems need none. */
  Response.ResponseBuilder decorate(Response.ResponseBuilder response, E exception) {
    return response;
  }
}
