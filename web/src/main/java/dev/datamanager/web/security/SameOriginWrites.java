package dev.datamanager.web.security;

import dev.datamanager.web.error.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a state-changing API request that a browser sent from another origin. A browser that has logged in to the
 * console attaches its Basic credentials to every request to this node, also to one a foreign page makes it send
 * (cross-site request forgery); such a request carries {@code Sec-Fetch-Site} other than {@code same-origin} or an
 * {@code Origin} naming another host. Scripts and game servers send neither header and pass.
 */
public class SameOriginWrites extends HttpFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** {@code none}: the user typed the address or used a bookmark, which no foreign page can do. */
  private static final Set<String> OWN_SITES = Set.of("same-origin", "none");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String refusal = SAFE_METHODS.contains(request.getMethod()) ? null : refusal(request);
    if (refusal == null) {
      chain.doFilter(request, response);
      return;
    }
    new Problem("cross-origin", "Request from another origin", HttpServletResponse.SC_FORBIDDEN, refusal
        + " A change must come from this node's own console or from a script, never from another web page.")
        .send(response);
  }

  /** Why this request is refused, or null when it may go on. */
  static String refusal(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !OWN_SITES.contains(site.toLowerCase(Locale.ROOT))) {
      return "The browser says it was sent by a page of another site (Sec-Fetch-Site: " + site + ").";
    }
    String origin = request.getHeader("Origin");
    if (origin != null && !sameHost(origin, request.getHeader("Host"))) {
      return "It was sent by a page of " + origin + ", not of this node.";
    }
    return null;
  }

  /**
   * Whether {@code origin} names the host and port the request was sent to ({@code host}, the Host header). The
   * scheme is not compared: behind a proxy that ends TLS the page is https and this node sees http; so a default
   * port (80 or 443) written or left out names the same place on either side, and any other port must be the same.
   */
  static boolean sameHost(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = new URI(origin);
      if (uri.getHost() == null) {
        return false; // "null": a sandboxed frame or a file
      }
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return withoutDefaultPort(authority).equalsIgnoreCase(withoutDefaultPort(host));
    } catch (URISyntaxException notAnOrigin) {
      return false;
    }
  }

  private static String withoutDefaultPort(String authority) {
    return authority.endsWith(":80") || authority.endsWith(":443")
        ? authority.substring(0, authority.lastIndexOf(':')) : authority;
  }
}
