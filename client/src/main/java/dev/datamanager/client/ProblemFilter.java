package dev.datamanager.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Turns every answer that is not a success into its typed problem, while its body and headers are still there:
 * the exceptions a JAX-RS client would throw instead lose the problem body.
 */
final class ProblemFilter implements ClientResponseFilter {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** A problem is a few hundred bytes; a proxy's error page is cut here rather than held whole. */
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final Clock clock;

  ProblemFilter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
    int status = response.getStatus();
    if (status < 300) {
      return;
    }
    String body = "";
    if (response.hasEntity()) {
      // Closing the stream gives the connection back to the pool, also when the body was cut.
      try (InputStream entity = response.getEntityStream()) {
        body = new String(entity.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
      }
    }
    throw Problem.read(status, response.getStatusInfo().getReasonPhrase(), body,
        response.getHeaderString(HttpHeaders.RETRY_AFTER), request.getHeaderString(IDEMPOTENCY_KEY),
        clock.instant()).exception();
  }
}
