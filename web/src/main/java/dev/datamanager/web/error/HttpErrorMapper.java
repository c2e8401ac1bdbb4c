package dev.datamanager.web.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The JAX-RS runtime's own refusals (no such path, method or media type; forbidden) as problems. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    Problem problem = new Problem(kind(status), Response.Status.fromStatusCode(status) == null
        ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase(), status, detail(status));
    Response.ResponseBuilder response = ProblemRecord.about(problem, exception, request).response();
    // 405 must keep the Allow header so clients learn the methods that work.
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    return allow == null ? response.build() : response.header(HttpHeaders.ALLOW, allow).build();
  }

  private static String kind(int status) {
    return switch (status) {
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 415 -> "unsupported-media-type";
      default -> "http-" + status;
    };
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "The request is malformed; check the path, headers and body against the API.";
      case 403 -> "Your user may not call this endpoint: sessions need the role game-server or admin,"
          + " reads of records, versions, the audit trail and server info need admin or support, changes need admin.";
      case 404 -> "There is no such endpoint; the API is listed at /openapi.";
      case 405 -> "This endpoint does not take this HTTP method; the Allow header lists those it takes.";
      case 406 -> "The endpoint answers application/json; accept it.";
      case 415 -> "Send a PATCH body as application/merge-patch+json (RFC 7396) or"
          + " application/json-patch+json (RFC 6902).";
      default -> "The request could not be served (HTTP " + status + ").";
    };
  }
}
