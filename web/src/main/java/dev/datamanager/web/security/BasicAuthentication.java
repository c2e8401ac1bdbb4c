package dev.datamanager.web.security;

import dev.datamanager.web.error.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Lets an API or console request through only when it is logged in with HTTP Basic credentials from Liberty's user
 * registry: people at the console and scripts share one login. Done here rather than by a security constraint so
 * that a refusal is our problem+json, not the container's page. Mapped in {@code web.xml}, before the role checks.
 */
public class BasicAuthentication extends HttpFilter {

  private static final String SCHEME = "Basic ";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Liberty itself authenticates a request that carries Basic credentials (useAuthenticationDataForUnprotected-
    // Resource); logging in again would fail with "already established".
    if (request.getUserPrincipal() != null) {
      chain.doFilter(request, response);
      return;
    }
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null) {
      refuse(response, "Send HTTP Basic credentials (Authorization: Basic …) of a game-server or admin user.");
      return;
    }
    try {
      request.login(credentials[0], credentials[1]);
    } catch (ServletException wrong) {
      refuse(response, "The user name or password is wrong.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** User and password, or null when the header is missing or not well-formed Basic. */
  private static String[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static void refuse(HttpServletResponse response, String detail) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"DataManager\", charset=\"UTF-8\"");
    new Problem("unauthorized", "Authentication required", HttpServletResponse.SC_UNAUTHORIZED, detail)
        .send(response);
  }
}
