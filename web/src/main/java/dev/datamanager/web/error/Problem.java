package dev.datamanager.web.error;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem: what went wrong, in words a game developer can act on. */
public record Problem(String kind, String title, int status, String detail) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:datamanager:problem:";

  /** The body as JSON text; built by hand (not JSON-B) so it never depends on provider media-type rules. */
  public String toJson() {
    return Json.createObjectBuilder()
        .add("type", TYPE_PREFIX + kind)
        .add("title", title)
        .add("status", status)
        .add("detail", detail == null ? title : detail)
        .build()
        .toString();
  }

  public Response.ResponseBuilder response() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson());
  }
}
