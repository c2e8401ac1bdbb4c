package dev.datamanager.core;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** JSON written with single quotes in tests, which keeps expected documents readable. */
public final class JsonText {

  private JsonText() {}

  public static JsonObject object(String singleQuoted) {
    return value(singleQuoted).asJsonObject();
  }

  public static JsonValue value(String singleQuoted) {
    return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readValue();
  }
}
