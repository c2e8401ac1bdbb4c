package dev.datamanager.web.error;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An RFC 9457 problem: what went wrong, in words a game developer can act on, whether a retry may succeed, and the
 * record it is about ({@code store} and {@code key} are null when it is not about one).
 */
public record Problem(String kind, String title, int status, String detail, boolean retryable, String store,
    String key) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:datamanager:problem:";

  /** A problem about no record in particular; retryable when the node is unavailable (503). */
  public Problem(String kind, String title, int status, String detail) {
    this(kind, title, status, detail, status == 503, null, null);
  }

  /** This problem, about the record {@code store}/{@code key}. */
  public Problem about(String store, String key) {
    return new Problem(kind, title, status, detail, retryable, store, key);
  }

  /** The body as JSON text; built by hand (not JSON-B) so it never depends on provider media-type rules. */
  public String toJson() {
    JsonObjectBuilder body = Json.createObjectBuilder()
        .add("type", TYPE_PREFIX + kind)
        .add("title", title)
        .add("status", status)
        .add("detail", detail == null ? title : detail)
        .add("retryable", retryable);
    if (store != null) {
      body.add("store", store);
    }
    if (key != null) {
      body.add("key", key);
    }
    return body.build().toString();
  }

  /** Sends this problem from a servlet filter, where no JAX-RS mapper answers. */
  public void send(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(toJson());
  }

  public Response.ResponseBuilder response() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson());
  }
}
