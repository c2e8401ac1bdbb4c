package dev.datamanager.web.security;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /admin/me}: who the console's user is and whether they may change things (admin) or only look
 * (support), so the console offers only what the API will accept. The API decides either way.
 */
@WebServlet("/admin/me")
public class ConsoleUser extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(Json.createObjectBuilder()
        .add("user", request.getUserPrincipal().getName())
        .add("canChange", request.isUserInRole(Roles.ADMIN))
        .build().toString());
  }
}
