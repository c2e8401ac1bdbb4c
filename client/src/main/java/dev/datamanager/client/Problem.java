package dev.datamanager.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

/**
 * An error answer as read from the wire ({@code retryAfter} and {@code idempotencyKey} may be null), and the
 * exception a game handles it with.
 */
record Problem(String type, String kind, int status, String title, String detail, boolean retryable, String store,
    String key, Duration retryAfter, String idempotencyKey) implements Serializable {

  static final String TYPE_PREFIX = "urn:datamanager:problem:";
  private static final String BLANK = "about:blank";
  private static final int DETAIL_CHARACTERS = 300;

  /**
   * Reads an answer with status {@code status}: its problem+json body when it has one (any other body, such as a
   * proxy's error page, becomes the detail), its {@code Retry-After} header, and the request's Idempotency-Key.
   */
  static Problem read(int status, String reason, String body, String retryAfterHeader, String idempotencyKey,
      Instant now) {
    JsonObject json = object(body == null ? "" : body);
    String type = text(json, "type", BLANK);
    String kind = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length())
        : BLANK.equals(type) ? "http-" + status : type;
    String title = text(json, "title", reason == null || reason.isBlank() ? "HTTP " + status : reason);
    String detail = text(json, "detail", json != null || body == null || body.isBlank() ? title
        : "Not a problem+json answer: " + abbreviated(body));
    // A 503 promises that nothing changed, also from a proxy that sends no problem of its own.
    JsonValue flag = json == null ? null : json.get("retryable");
    boolean retryable = flag == JsonValue.TRUE || flag != JsonValue.FALSE && status == 503;
    return new Problem(type, kind, status, title, detail, retryable, text(json, "store", null),
        text(json, "key", null), RetryAfter.parse(retryAfterHeader, now).orElse(null), idempotencyKey);
  }

  /** The exception for this problem: a class of its own for each kind a game handles differently. */
  DataManagerProblem exception() {
    if (status == 503) {
      return new Unavailable(this);
    }
    return switch (kind) {
      case "session-refused" -> new SessionRefused(this);
      case "session-lost" -> new SessionLost(this);
      case "session-not-held", "not-held-here" -> new SessionNotHeld(this);
      case "invalid-patch", "patch-failed" -> new PatchRefused(this);
      case "trade-outcome-unknown" -> new TradeOutcomeUnknown(this);
      default -> new DataManagerProblem(this);
    };
  }

  private static JsonObject object(String body) {
    if (body.isBlank()) {
      return null;
    }
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read() instanceof JsonObject object ? object : null;
    } catch (JsonException notJson) {
      return null;
    }
  }

  private static String text(JsonObject json, String name, String fallback) {
    return json != null && json.get(name) instanceof JsonString value ? value.getString() : fallback;
  }

  private static String abbreviated(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() <= DETAIL_CHARACTERS ? line : line.substring(0, DETAIL_CHARACTERS) + "…";
  }
}
