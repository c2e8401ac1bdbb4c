package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The PATCH endpoint against the public JSON Patch conformance suite (RFC 6902, json-patch/json-patch-tests) and
 * the I-JSON rule (RFC 7493) that strings and member names are valid Unicode, on a store whose template is {}.
 */
abstract class PatchStandardsTests extends OneNodePerClass {

  private static final String STORE = "Conformance";
  private static final String JSON_PATCH = "application/json-patch+json";
  private static final String MERGE = "application/merge-patch+json";
  private static final List<String> SUITE_FILES = List.of("tests.json", "spec_tests.json");

  /** Cases this API answers differently from the suite, by comment, with the reason; each is still checked. */
  private static final Map<String, String> DEVIATIONS = Map.of(
      "replace object document with array document?",
      "a record is always a JSON object, so a patch that turns the document into an array is refused (422)");

  private final AtomicInteger keys = new AtomicInteger();

  PatchStandardsTests(NodeDatabase database) {
    super("patch-standards", database);
  }

  @Override
  Map<String, String> nodeEnvironment() {
    return Map.of("DATAMANAGER_TEMPLATES_DIR", resource("/conformance-templates").toString());
  }

  @TestFactory
  Stream<DynamicTest> jsonPatchConformanceSuite() {
    return SUITE_FILES.stream().flatMap(file -> {
      JsonArray cases = Json.createReader(open("/json-patch-tests/" + file)).readArray();
      return IntStream.range(0, cases.size())
          .filter(i -> runnable(cases.getJsonObject(i)))
          .mapToObj(i -> {
            JsonObject c = cases.getJsonObject(i);
            String name = file + " #" + i + " " + c.getString("comment", "");
            return DynamicTest.dynamicTest(name, () -> check(c));
          });
    });
  }

  @TestFactory
  Stream<DynamicTest> invalidUnicodeIsRefusedAndChangesNothing() {
    // JSON escapes reach the parser as ASCII; it decodes them into the unpaired UTF-16 units the node must refuse.
    return Stream.of(
        new String[] {"lone high surrogate in a merge value", MERGE, "{\"name\":\"a\\ud800b\"}"},
        new String[] {"lone low surrogate in a merge member name", MERGE, "{\"\\udc00\":1}"},
        new String[] {"reversed surrogate pair in a nested value", MERGE, "{\"a\":{\"b\":[\"\\ude00\\ud83d\"]}}"},
        new String[] {"noncharacter U+FFFF in a value", MERGE, "{\"name\":\"\\uffff\"}"},
        new String[] {"lone surrogate in a JSON Patch value", JSON_PATCH,
            "[{\"op\":\"add\",\"path\":\"/name\",\"value\":\"\\ud800\"}]"},
        new String[] {"lone surrogate in a JSON Patch path", JSON_PATCH,
            "[{\"op\":\"add\",\"path\":\"/\\ud800\",\"value\":1}]"})
        .map(c -> DynamicTest.dynamicTest(c[0], () -> {
          String key = join(Json.createObjectBuilder().add("name", "ok").build());
          JsonObject problem = assertProblem(400, patch(key, c[1], c[2]));
          assertEquals("urn:datamanager:problem:invalid-unicode", problem.getString("type"));
          assertEquals(STORE + "/" + key, problem.getString("store") + "/" + problem.getString("key"));
          assertEquals(Json.createObjectBuilder().add("name", "ok").build(), data(key), "data unchanged");
        }));
  }

  private static boolean runnable(JsonObject c) {
    return c.containsKey("doc") && c.get("doc").getValueType() == JsonValue.ValueType.OBJECT
        && !c.getBoolean("disabled", false);
  }

  private void check(JsonObject c) {
    JsonObject doc = c.getJsonObject("doc");
    String key = join(doc);
    HttpResponse<String> answer = patch(key, JSON_PATCH, c.get("patch").toString());
    String deviation = DEVIATIONS.get(c.getString("comment", ""));
    if (c.containsKey("expected") && deviation == null) {
      assertEquals(200, answer.statusCode(), answer.body());
      assertSameJson(c.get("expected"), data(key));
    } else {
      int status = answer.statusCode() == 400 ? 400 : 422;
      assertProblem(status, answer);
      assertSameJson(doc, data(key));
    }
  }

  /** Joins a fresh key of the store and loads {@code doc} into it, one JSON Patch {@code add} per member. */
  private String join(JsonObject doc) {
    String key = "Case_" + keys.incrementAndGet();
    HttpResponse<String> joined = node.send(node.request(sessionPath(key), node.game)
        .POST(BodyPublishers.noBody()).build());
    assertEquals(200, joined.statusCode(), joined.body());
    var load = Json.createArrayBuilder();
    doc.forEach((name, value) -> load.add(Json.createObjectBuilder()
        .add("op", "add").add("path", "/" + Json.encodePointer(name)).add("value", value)));
    HttpResponse<String> loaded = patch(key, JSON_PATCH, load.build().toString());
    assertEquals(200, loaded.statusCode(), loaded.body());
    assertSameJson(doc, data(key));
    return key;
  }

  private HttpResponse<String> patch(String key, String mediaType, String body) {
    return node.send(node.request(sessionPath(key), node.game).header("Content-Type", mediaType)
        .method("PATCH", BodyPublishers.ofString(body)).build());
  }

  private JsonObject data(String key) {
    HttpResponse<String> session = node.send(node.request(sessionPath(key), node.game).build());
    assertEquals(200, session.statusCode(), session.body());
    return Problems.json(session.body()).getJsonObject("data");
  }

  private static String sessionPath(String key) {
    return "/api/v1/stores/" + STORE + "/sessions/" + key;
  }

  /** JSON value equality with numbers compared by value, so {@code 1} equals {@code 1.0}. */
  private static void assertSameJson(JsonValue expected, JsonValue actual) {
    assertTrue(same(expected, actual), "expected " + expected + " but the session holds " + actual);
  }

  private static boolean same(JsonValue a, JsonValue b) {
    if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
      return x.bigDecimalValue().compareTo(y.bigDecimalValue()) == 0;
    }
    if (a instanceof JsonObject x && b instanceof JsonObject y) {
      return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
    }
    if (a instanceof JsonArray x && b instanceof JsonArray y) {
      return x.size() == y.size() && IntStream.range(0, x.size()).allMatch(i -> same(x.get(i), y.get(i)));
    }
    return a.equals(b);
  }

  private static InputStream open(String name) {
    InputStream in = PatchStandardsTests.class.getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("No test resource " + name));
    }
    return in;
  }

  private static Path resource(String name) {
    try {
      return Path.of(PatchStandardsTests.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
