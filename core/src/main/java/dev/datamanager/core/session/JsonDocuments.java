package dev.datamanager.core.session;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/** Stored JSON text to JSON-P objects; stored records are always objects. */
public final class JsonDocuments {

  // One factory for every parse: Json.createReader looks the provider up (a ServiceLoader scan of the class path)
  // on every call, which cost a join more CPU than its own database work. Factories are safe for concurrent use.
  private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(Map.of());

  private JsonDocuments() {}

  public static JsonObject parse(String json) {
    try (JsonReader reader = READERS.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
