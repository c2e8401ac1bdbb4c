package dev.datamanager.core.patch;

import dev.datamanager.persistence.record.DocumentSize;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The size of a JSON value as the compact UTF-8 text JSON-P (Parsson) writes for it, by the {@link DocumentSize}
 * rule, counted from the values without writing them.
 */
final class JsonSize {

  private JsonSize() {}

  /** The size of {@code value} written alone. */
  static long of(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT: {
        JsonObject object = (JsonObject) value;
        long bytes = 2 + commas(object.size());
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
          bytes += member(member.getKey(), member.getValue());
        }
        return bytes;
      }
      case ARRAY: {
        JsonArray array = (JsonArray) value;
        long bytes = 2 + commas(array.size());
        for (JsonValue element : array) {
          bytes += of(element);
        }
        return bytes;
      }
      case STRING:
        return string(((JsonString) value).getString());
      case TRUE:
      case NULL:
        return 4;
      case FALSE:
        return 5;
      default:
        return value.toString().length(); // a number: plain ASCII, as the writer prints it
    }
  }

  /** The size of one member of an object, {@code "name":value}, without the comma that separates it. */
  static long member(String name, JsonValue value) {
    return string(name) + 1 + of(value);
  }

  /** The commas between {@code count} members or elements. */
  static long commas(int count) {
    return Math.max(count - 1, 0);
  }

  /** The size of a string with its quotes and escapes, as the writer escapes it. */
  static long string(String text) {
    long escapes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        escapes += 1; // \" and \\: two bytes where the character counted one
      } else if (c < 0x20) {
        escapes += shortEscape(c) ? 1 : 5; // \n or \u0001
      }
    }
    return 2 + DocumentSize.utf8Length(text) + escapes;
  }

  private static boolean shortEscape(char c) {
    return c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
}
