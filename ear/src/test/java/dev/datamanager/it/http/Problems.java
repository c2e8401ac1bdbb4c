package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;

/** Assertions on RFC 9457 problem answers. */
final class Problems {

  private Problems() {}

  /** Asserts the status and a complete problem+json body; returns the body for further checks. */
  static JsonObject assertProblem(int status, HttpResponse<String> response) {
    String where = response.request().method() + " " + response.request().uri() + " answered "
        + response.statusCode() + " " + response.body();
    assertEquals(status, response.statusCode(), where);
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        where);
    JsonObject problem = json(response.body());
    assertTrue(problem.getString("type").startsWith("urn:datamanager:problem:"), where);
    assertFalse(problem.getString("title").isBlank(), where);
    assertEquals(status, problem.getInt("status"), where);
    assertFalse(problem.getString("detail").isBlank(), where);
    // Only an unavailable node and a join refused for a live lock go away by themselves.
    assertEquals(status == 503 || problem.getString("type").endsWith(":session-refused"),
        problem.getBoolean("retryable"), where);
    assertFalse(response.body().contains("\tat "), "no stack trace: " + where);
    return problem;
  }

  static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
