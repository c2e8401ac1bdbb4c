package dev.datamanager.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The console's pages for admin and support users only, after {@link BasicAuthentication} has logged the request
 * in: a game-server user gets a 403 page. Every answer forbids framing, inline scripts and foreign sources, so a page
 * of another site can neither embed the console nor inject code into it.
 */
public class ConsoleAccess extends HttpFilter {

  private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
      + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    if (request.isUserInRole(Roles.ADMIN) || request.isUserInRole(Roles.SUPPORT)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Not allowed — DataManager console</title>
        </head>
        <body><main class="refused">
        <h1>Not allowed</h1>
        <p>The DataManager console is for admin and support users. The user you signed in with is not one: game
        servers use the HTTP API only.</p>
        <p>To sign in as another user, close this browser window (the browser keeps the login until then).</p>
        </main></body>
        </html>
        """);
  }
}
