package dev.datamanager.core.template;

import jakarta.json.JsonValue;
import java.util.Locale;

/** The JSON type of a value as a template constrains it, with {@code true} and {@code false} one type. */
public enum JsonType {
  OBJECT,
  ARRAY,
  STRING,
  NUMBER,
  BOOLEAN,
  NULL;

  public static JsonType of(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> OBJECT;
      case ARRAY -> ARRAY;
      case STRING -> STRING;
      case NUMBER -> NUMBER;
      case TRUE, FALSE -> BOOLEAN;
      case NULL -> NULL;
    };
  }

  /** Whether a template value of this type pins the type of the stored value; a template {@code null} means "any". */
  public boolean constrains() {
    return this != NULL;
  }

  /** The name used in reports and error details, as JSON Schema spells it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
