package dev.datamanager.core.session;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Stored JSON text to JSON-P objects; stored records are always objects. */
public final class JsonDocuments {

  // One provider: Json.createReader looks it up (a ServiceLoader scan) on every call, a cost every join paid.
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonDocuments() {}

  public static JsonObject parse(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
