package dev.datamanager.it.fault;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/**
 * What a node answered: the HTTP status ({@code -1} when it did not answer at all), the body and the round-trip time.
 */
public record Answer(int status, String body, long nanos) {

  public static final int NO_ANSWER = -1;

  public boolean ok() {
    return status == 200;
  }

  public JsonObject json() {
    return Json.createReader(new StringReader(body)).readObject();
  }

  public JsonObject data() {
    return json().getJsonObject("data");
  }

  long version() {
    return json().getJsonNumber("version").longValue();
  }

  /** The fencing generation of the lock in a session or record body, or -1 for a free record. */
  long generation() {
    JsonObject lock = lock();
    return lock == null ? -1 : lock.getJsonNumber("generation").longValue();
  }

  /** The owner in a session or record body, or null for a free record. */
  String owner() {
    JsonObject lock = lock();
    return lock == null ? null : lock.getString("owner");
  }

  /** The lock object, or null when the body has none (a free record omits it or writes null). */
  private JsonObject lock() {
    JsonObject json = json();
    return json.containsKey("lock") && !json.isNull("lock") ? json.getJsonObject("lock") : null;
  }

  /** No answer, or one saying a trade's outcome is not known yet: the same request may tell later. */
  public boolean tradeOutcomeUnknown() {
    return status == NO_ANSWER || status == 504 || (status == 503 && body.contains("trade-unresolved"));
  }

  public double millis() {
    return nanos / 1e6;
  }

  @Override
  public String toString() {
    return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
  }
}
