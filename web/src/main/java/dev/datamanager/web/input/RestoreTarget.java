package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidRequestException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;

/** What a restore brings back: {@code {"version": n}} or {@code {"at": instant}}, exactly one of them. */
public record RestoreTarget(Long version, Instant at) {

  private static final String SHAPE = " Send {\"version\": 12} or {\"at\": \"2026-11-25T20:00:00Z\"}, not both.";

  public static RestoreTarget of(JsonObject body) {
    if (body == null) {
      throw new InvalidRequestException("A restore needs a JSON object body." + SHAPE);
    }
    JsonValue version = body.get("version");
    JsonValue at = body.get("at");
    if ((version == null) == (at == null) || body.size() != 1) {
      throw new InvalidRequestException("A restore names exactly one target and nothing else." + SHAPE);
    }
    if (version != null) {
      return new RestoreTarget(version(version), null);
    }
    if (!(at instanceof JsonString text)) {
      throw new InvalidRequestException("\"at\" must be an RFC 3339 date-time string." + SHAPE);
    }
    return new RestoreTarget(null, InstantRule.instant("at", text.getString()));
  }

  private static long version(JsonValue value) {
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        long version = number.longValueExact();
        if (version >= 0) {
          return version;
        }
      } catch (ArithmeticException tooLarge) {
        // reported below
      }
    }
    throw new InvalidRequestException("\"version\" must be a version number: an integer from 0 up." + SHAPE);
  }
}
