package dev.datamanager.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/** Compact JSON text of a value, character for character what Parsson's writer and toString produce. */
final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  static String of(JsonValue value) {
    StringBuilder text = new StringBuilder();
    append(text, value);
    return text.toString();
  }

  private static void append(StringBuilder text, JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT: {
        text.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
          text.append(first ? "" : ",");
          first = false;
          appendString(text, member.getKey());
          text.append(':');
          append(text, member.getValue());
        }
        text.append('}');
        return;
      }
      case ARRAY: {
        text.append('[');
        boolean first = true;
        for (JsonValue element : (JsonArray) value) {
          text.append(first ? "" : ",");
          first = false;
          append(text, element);
        }
        text.append(']');
        return;
      }
      case STRING:
        appendString(text, ((JsonString) value).getString());
        return;
      default:
        text.append(value.toString()); // a number, true, false or null
    }
  }

  /** {@code string} quoted, with the escapes Parsson writes: quote, backslash and the control characters. */
  static void appendString(StringBuilder text, String string) {
    text.append('"');
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else if (c >= 0x20) {
        text.append(c);
      } else {
        appendControl(text, c);
      }
    }
    text.append('"');
  }

  private static void appendControl(StringBuilder text, char c) {
    switch (c) {
      case '\b': text.append("\\b"); break;
      case '\t': text.append("\\t"); break;
      case '\n': text.append("\\n"); break;
      case '\f': text.append("\\f"); break;
      case '\r': text.append("\\r"); break;
      default: text.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
  }

  static boolean isBoolean(JsonValue value) {
    return value != null
        && (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE);
  }

  /** The boolean {@code value} is, as JSON-P's getters answer it. */
  static boolean bool(JsonValue value) {
    if (!isBoolean(value)) {
      throw new ClassCastException("Not a JSON boolean: " + value);
    }
    return value.getValueType() == JsonValue.ValueType.TRUE;
  }
}
