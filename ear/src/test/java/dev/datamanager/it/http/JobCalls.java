package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The job endpoints of one node as raw HTTP, so every status is a value a test can assert on. */
final class JobCalls {

  private final ApiNode node;

  JobCalls(ApiNode node) {
    this.node = node;
  }

  /** {@code {"kind": "restore", "at": at}}. */
  static String restoreAt(Instant at) {
    return Json.createObjectBuilder().add("kind", "restore").add("at", at.toString()).build().toString();
  }

  HttpResponse<String> start(String store, String body) {
    return start(store, body, null);
  }

  HttpResponse<String> start(String store, String body, String idempotencyKey) {
    HttpRequest.Builder request = node.request("/api/v1/stores/" + store + "/jobs", node.admin)
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return node.send(request.build());
  }

  /** Starts a job and returns its body, asserting the {@code 202}. */
  JsonObject started(String store, String body) {
    HttpResponse<String> answer = start(store, body);
    assertEquals(202, answer.statusCode(), answer.body());
    return Problems.json(answer.body());
  }

  HttpResponse<String> get(String id, BasicCredentials user) {
    return node.send(node.request("/api/v1/jobs/" + id, user).GET().build());
  }

  JsonObject job(String id) {
    HttpResponse<String> answer = get(id, node.admin);
    assertEquals(200, answer.statusCode(), answer.body());
    return Problems.json(answer.body());
  }

  HttpResponse<String> list(String query, BasicCredentials user) {
    return node.send(node.request("/api/v1/jobs" + query, user).GET().build());
  }

  JsonObject page(String query) {
    HttpResponse<String> answer = list(query, node.admin);
    assertEquals(200, answer.statusCode(), answer.body());
    return Problems.json(answer.body());
  }

  HttpResponse<String> cancel(String id) {
    return node.send(node.request("/api/v1/jobs/" + id, node.admin).DELETE().build());
  }

  /** Polls the job until it is no longer running; its last body. */
  JsonObject awaitEnd(String id, Duration timeout) {
    AtomicReference<JsonObject> last = new AtomicReference<>();
    Await.until(timeout, "job " + id + " ends (last seen " + last + ")", () -> {
      last.set(job(id));
      return !last.get().getString("state").equals("running");
    });
    return last.get();
  }
}
