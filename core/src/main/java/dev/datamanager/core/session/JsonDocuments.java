package dev.datamanager.core.session;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Stored JSON text to JSON-P objects; stored records are always objects. */
public final class JsonDocuments {

  private JsonDocuments() {}

  public static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
