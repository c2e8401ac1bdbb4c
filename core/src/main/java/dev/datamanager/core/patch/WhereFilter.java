package dev.datamanager.core.patch;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * A bulk job's condition: the member at {@code pointer} (RFC 6901) equals {@code equals}, JSON values compared
 * member by member and numbers by value ({@code 1} equals {@code 1.0}); a missing member matches nothing.
 */
public record WhereFilter(String pointer, JsonValue equals) {

  private static final JsonProvider JSON = JsonProvider.provider();

  /**
   * The filter a job's {@code where} object describes.
   *
   * @throws IllegalArgumentException with a sentence for the caller if it is not {@code {"pointer", "equals"}}
   */
  public static WhereFilter of(JsonValue where) {
    if (!(where instanceof JsonObject fields) || !(fields.get("pointer") instanceof jakarta.json.JsonString pointer)
        || !fields.containsKey("equals") || fields.size() != 2) {
      throw new IllegalArgumentException("\"where\" is {\"pointer\": \"/level\", \"equals\": 1}: a JSON Pointer"
          + " (RFC 6901) and the JSON value the member must equal.");
    }
    try {
      JSON.createPointer(pointer.getString());
    } catch (JsonException e) {
      throw new IllegalArgumentException("\"where.pointer\" is not a JSON Pointer (RFC 6901): " + e.getMessage());
    }
    return new WhereFilter(pointer.getString(), fields.get("equals"));
  }

  public JsonObject toJson() {
    return JSON.createObjectBuilder().add("pointer", pointer).add("equals", equals).build();
  }

  public boolean matches(JsonObject document) {
    JsonPointer at = JSON.createPointer(pointer);
    return at.containsValue(document) && sameValue(at.getValue(document), equals);
  }

  @Override
  public String toString() {
    return "where " + pointer + " equals " + equals;
  }

  public static boolean sameValue(JsonValue a, JsonValue b) {
    if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
      return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
    }
    if (a instanceof JsonObject x && b instanceof JsonObject y) {
      return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> sameValue(x.get(k), y.get(k)));
    }
    if (a instanceof JsonArray x && b instanceof JsonArray y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!sameValue(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
