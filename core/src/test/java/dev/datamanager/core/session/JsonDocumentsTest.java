package dev.datamanager.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared reader factory parses like {@code Json.createReader}, also from many threads at once. */
class JsonDocumentsTest {

  @Test
  void parsesAsTheProviderDoes() {
    String text = "{\"coins\":3,\"name\":\"h\\u00e9llo \\ud83d\\ude00\",\"items\":[{\"id\":\"a\"}],\"v\":0.8}";

    assertEquals(Json.createReader(new java.io.StringReader(text)).readObject(), JsonDocuments.parse(text));
  }

  @Test
  void refusesWhatIsNotAnObject() {
    assertThrows(JsonException.class, () -> JsonDocuments.parse("[1,2]"));
  }

  @Test
  void oneFactoryServesConcurrentParses() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<JsonObject>> parsed = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        int n = i;
        parsed.add(threads.submit(() -> JsonDocuments.parse("{\"n\":" + n + ",\"pad\":\"" + "x".repeat(n % 500) + "\"}")));
      }
      for (int i = 0; i < parsed.size(); i++) {
        JsonObject document = parsed.get(i).get();
        assertEquals(i, document.getInt("n"));
        assertEquals(i % 500, document.getString("pad").length());
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
