package dev.datamanager.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.core.session.JsonDocuments;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compact documents are indistinguishable from Parsson's through every jakarta.json contract the node uses. */
class CompactJsonTest {

  private static final JsonProvider JSON = RandomJson.JSON;
  private static final int DOCUMENTS = 1_000;

  private final RandomJson random = new RandomJson(7);

  @Test
  void randomDocumentsEqualTheirParssonTrees() {
    for (int i = 0; i < DOCUMENTS; i++) {
      JsonObject parsson = random.object(4);
      JsonObject compact = CompactJson.of(parsson);
      assertEquals(parsson, compact, "Parsson equals compact");
      assertEquals(compact, parsson, "compact equals Parsson");
      assertEquals(parsson.hashCode(), compact.hashCode());
      assertEquals(parsson.toString(), compact.toString());
      assertEquals(written(parsson), written(compact), "Parsson's writer");
      assertCompact(compact);
      assertSame(compact, CompactJson.of(compact), "a compact tree is kept as it is");
      for (String name : parsson.keySet()) {
        assertEquals(parsson.get(name), compact.get(name), name);
        assertTrue(compact.containsKey(name));
      }
      assertNull(compact.get("no such member \u0000"));
      assertFalse(compact.containsKey(42));
    }
  }

  @Test
  void textRoundTripsThroughTheCompactForm() {
    for (int i = 0; i < DOCUMENTS; i++) {
      String text = random.object(4).toString();
      JsonObject compact = CompactJson.of(JsonDocuments.parse(text));
      assertEquals(text, compact.toString());
      assertEquals(compact, JsonDocuments.parse(compact.toString()));
    }
  }

  @Test
  void numbersKeepJsonPEqualityAndText() {
    JsonArray parsson = JSON.createReader(new StringReader("[0,-1,1023,1024,-128,-129,123456789012345678,"
        + "9223372036854775807,-9223372036854775808,1.0,1E+2,0.8,-0.000,12345678901234567890123]")).readArray();
    JsonArray compact = (JsonArray) CompactJson.of(parsson);
    assertEquals(parsson.toString(), compact.toString());
    assertEquals(parsson, compact);
    assertEquals(compact, parsson);
    assertEquals(parsson.hashCode(), compact.hashCode());
    assertNotEquals(compact.get(1), CompactJson.of(JSON.createValue(new BigDecimal("-1.0"))), "scale counts");
    assertEquals(123456789012345678L, compact.getJsonNumber(6).longValueExact());
    assertEquals(Integer.valueOf(1023), compact.getJsonNumber(2).numberValue());
    assertThrows(ArithmeticException.class, () -> compact.getJsonNumber(6).intValueExact());
  }

  @Test
  void gettersAnswerAsParssonDoes() {
    JsonObject parsson = JsonDocuments.parse("{\"s\":\"x\",\"n\":5,\"t\":true,\"f\":false,\"z\":null,\"o\":{},"
        + "\"a\":[\"x\",5,true,null,{}]}");
    JsonObject compact = CompactJson.of(parsson);
    for (JsonObject object : new JsonObject[] {parsson, compact}) {
      assertEquals("x", object.getString("s"));
      assertEquals("d", object.getString("n", "d"));
      assertEquals(5, object.getInt("n"));
      assertEquals(7, object.getInt("s", 7));
      assertTrue(object.getBoolean("t"));
      assertFalse(object.getBoolean("f", true));
      assertTrue(object.getBoolean("missing", true));
      assertTrue(object.isNull("z"));
      assertFalse(object.isNull("s"));
      assertThrows(NullPointerException.class, () -> object.getBoolean("missing"));
      assertThrows(ClassCastException.class, () -> object.getBoolean("s"));
      assertThrows(ClassCastException.class, () -> object.getJsonArray("o"));
      assertThrows(UnsupportedOperationException.class, () -> object.put("x", JsonValue.NULL));
      JsonArray array = object.getJsonArray("a");
      assertEquals("x", array.getString(0));
      assertEquals(5, array.getInt(1));
      assertTrue(array.getBoolean(2));
      assertTrue(array.isNull(3));
      assertEquals(9, array.getInt(9, 9));
      assertEquals("d", array.getString(-1, "d"));
      assertEquals(JsonValue.EMPTY_JSON_OBJECT, array.getJsonObject(4));
      assertThrows(IndexOutOfBoundsException.class, () -> array.get(5));
      assertThrows(UnsupportedOperationException.class, () -> array.add(JsonValue.NULL));
    }
  }

  @Test
  void buildersCopyCompactValues() {
    JsonObject compact = CompactJson.of(JsonDocuments.parse("{\"a\":1,\"b\":[1,{\"c\":\"d\"}]}"));
    assertEquals("{\"a\":2,\"b\":[1,{\"c\":\"d\"}],\"e\":true}",
        JSON.createObjectBuilder(compact).add("a", 2).add("e", true).build().toString());
    assertEquals("[1,{\"c\":\"d\"},null]",
        JSON.createArrayBuilder(compact.getJsonArray("b")).addNull().build().toString());
    assertEquals(Map.of("a", JSON.createValue(1)), Map.of("a", compact.get("a")));
  }

  @Test
  void patchesApplyToCompactTreesAsToParssonOnes() {
    for (int i = 0; i < DOCUMENTS; i++) {
      JsonObject from = random.object(3);
      JsonObject to = random.object(3);
      JsonObject compact = CompactJson.of(from);
      assertEquals(to, JSON.createDiff(from, to).apply(compact), "JSON Patch");
      JsonValue merged = JSON.createMergeDiff(from, to).apply(compact);
      assertEquals(JSON.createMergeDiff(from, to).apply(from), merged, "merge patch");
      assertEquals(JSON.createDiff(from, to).toJsonArray(), JSON.createDiff(compact, CompactJson.of(to)).toJsonArray());
    }
  }

  @Test
  void wideObjectsFindEveryKey() {
    var builder = JSON.createObjectBuilder();
    for (int i = 0; i < 5_000; i++) {
      builder.add("k" + i, i);
    }
    JsonObject parsson = builder.build();
    JsonObject compact = CompactJson.of(parsson);
    for (int i = 0; i < 5_000; i++) {
      assertEquals(i, compact.getInt("k" + i));
    }
    assertNull(compact.get("k5000"));
    assertEquals(parsson.keySet(), compact.keySet());
    assertEquals(parsson, compact);
  }

  @Test
  void internersStayBoundedWhateverKeysArrive() {
    for (int i = 0; i < 50_000; i++) {
      String unique = Integer.toString(i, 36);
      JsonObject document = JSON.createObjectBuilder().add("key-" + unique, "value-" + unique)
          .add("shape-" + unique, 1).build();
      assertEquals(document, CompactJson.of(document));
    }
    assertTrue(CompactJson.interned() <= 3 * CompactJson.INTERNER_SLOTS, "interned: " + CompactJson.interned());
  }

  @Test
  void theInternerSharesEqualValuesAndHoldsAtMostItsSize() {
    Interner<String> interner = new Interner<>(16);
    String first = new String("common");
    assertSame(first, interner.intern(first));
    assertSame(first, interner.intern(new String("common")));
    for (int i = 0; i < 1_000; i++) {
      interner.intern("key" + i);
    }
    assertTrue(interner.held() <= 16);
    assertThrows(IllegalArgumentException.class, () -> new Interner<String>(12));
  }

  private static void assertCompact(JsonValue value) {
    assertTrue(CompactJson.isCompact(value), () -> value.getClass() + " " + value);
    if (value instanceof JsonObject object) {
      object.values().forEach(CompactJsonTest::assertCompact);
    } else if (value instanceof JsonArray array) {
      array.forEach(CompactJsonTest::assertCompact);
    }
  }

  private static String written(JsonObject document) {
    StringWriter text = new StringWriter();
    try (JsonWriter writer = JSON.createWriter(text)) {
      writer.writeObject(document);
    }
    return text.toString();
  }
}
