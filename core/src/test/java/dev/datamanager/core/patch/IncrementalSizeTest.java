package dev.datamanager.core.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.api.error.InvalidPatchException;
import dev.datamanager.core.json.CompactJson;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The size a patch keeps incrementally always equals a full count of the patched document. */
class IncrementalSizeTest {

  // Multi-byte text, an emoji (a surrogate pair), lone surrogates, characters the writer escapes, pointer syntax.
  private static final String[] TEXT = {"a", "é", "€", "\uD83D\uDE00", "\uD800", "\uDC00", "\"", "\\", "/", "\n",
      "\u0001", "\u001f", "\t", "~", "-", "0", " ", "\u007f", "\u2028"};
  private static final JsonObject NO_TEMPLATE = JsonValue.EMPTY_JSON_OBJECT;
  private static final int STEPS = 2_500;

  private final DocumentPatcher patcher = new DocumentPatcher(Long.MAX_VALUE);
  private final Random random = new Random(13);

  @Test
  void eachCharacterAloneIsCountedAsTheWriterWritesIt() {
    for (int block = 0; block < 0x10000; block += 0x100) {
      JsonObjectBuilder members = Json.createObjectBuilder();
      for (int c = block; c < block + 0x100; c++) {
        String text = String.valueOf((char) c);
        members.add(text, text);
      }
      JsonObject document = members.build();
      assertEquals(patcher.serializedSize(document), JsonSize.of(document), "U+" + Integer.toHexString(block) + "…");
    }
  }

  @Test
  void numbersAreCountedAsTheWriterWritesThem() {
    JsonArray numbers = Json.createArrayBuilder().add(0).add(-1).add(Long.MIN_VALUE).add(0.1).add(1e300)
        .add(0.1f).add(new BigDecimal("1E+3")).add(new BigDecimal("-0.000")).add(Double.MIN_VALUE).add(1L << 40)
        .build();
    JsonObject document = Json.createObjectBuilder().add("n", numbers).build();
    assertEquals(patcher.serializedSize(document), JsonSize.of(document));
    JsonObject compact = CompactJson.of(document);
    assertEquals(patcher.serializedSize(document), patcher.serializedSize(compact));
    assertEquals(patcher.serializedSize(document), JsonSize.of(compact));
  }

  @Test
  void mergePatchesKeepTheExactSize() {
    mergePatchesKeepTheExactSize(randomObject(3), false);
  }

  @Test
  void mergePatchesOfACompactDocumentKeepTheExactSize() {
    mergePatchesKeepTheExactSize(CompactJson.of(randomObject(3)), true);
  }

  /** With {@code recompact}, the document is compacted again now and then, as a held one is after a save. */
  private void mergePatchesKeepTheExactSize(JsonObject start, boolean recompact) {
    SizedDocument current = new SizedDocument(start, patcher.serializedSize(start));
    for (int step = 0; step < STEPS; step++) {
      current = patcher.apply(current, NO_TEMPLATE, PatchFormat.MERGE_PATCH, mergePatch(current.json(), 3));
      assertEquals(patcher.serializedSize(current.json()), current.bytes(), "after merge patch " + step);
      current = recompact && step % 10 == 0 ? new SizedDocument(CompactJson.of(current.json()), current.bytes())
          : current;
    }
  }

  @Test
  void jsonPatchesKeepTheExactSize() {
    jsonPatchesKeepTheExactSize(randomObject(3), false);
  }

  @Test
  void jsonPatchesOfACompactDocumentKeepTheExactSize() {
    jsonPatchesKeepTheExactSize(CompactJson.of(randomObject(3)), true);
  }

  private void jsonPatchesKeepTheExactSize(JsonObject start, boolean recompact) {
    SizedDocument current = new SizedDocument(start, patcher.serializedSize(start));
    int applied = 0;
    for (int step = 0; step < STEPS; step++) {
      current = recompact && step % 10 == 0 ? new SizedDocument(CompactJson.of(current.json()), current.bytes())
          : current;
      JsonArray patch = jsonPatch(current.json());
      try {
        current = patcher.apply(current, NO_TEMPLATE, PatchFormat.JSON_PATCH, patch);
        applied++;
      } catch (InvalidPatchException refused) {
        continue; // a failed test or a move into its own child: nothing changed
      }
      assertEquals(patcher.serializedSize(current.json()), current.bytes(), "after JSON Patch " + step + " " + patch);
    }
    assertEquals(true, applied > STEPS / 2, "most random patches apply: " + applied);
  }

  @Test
  void anUncountedDocumentIsCountedWhole() {
    JsonObject document = randomObject(3);
    SizedDocument patched = patcher.apply(SizedDocument.uncounted(document), NO_TEMPLATE, PatchFormat.MERGE_PATCH,
        mergePatch(document, 2));
    assertEquals(patcher.serializedSize(patched.json()), patched.bytes());
  }

  private JsonObject mergePatch(JsonObject target, int depth) {
    JsonObjectBuilder patch = Json.createObjectBuilder();
    List<String> names = new ArrayList<>(target.keySet());
    for (int i = random.nextInt(4); i > 0; i--) {
      boolean existing = !names.isEmpty() && random.nextBoolean();
      String name = existing ? names.get(random.nextInt(names.size())) : text();
      JsonValue was = target.get(name);
      // Past a dozen members, mostly removals, so the document stays small and the full count quick.
      int choice = names.size() > 12 && random.nextBoolean() ? 0 : random.nextInt(5);
      if (choice == 0) {
        patch.addNull(name);
      } else if (choice == 1 && depth > 0 && was instanceof JsonObject nested) {
        patch.add(name, mergePatch(nested, depth - 1));
      } else {
        patch.add(name, randomValue(depth));
      }
    }
    // Merge patches cannot write nulls into the document, so a generated object value with nulls is fine as well.
    return patch.build();
  }

  private JsonArray jsonPatch(JsonObject document) {
    JsonArrayBuilder operations = Json.createArrayBuilder();
    JsonValue evolving = document;
    for (int i = 1 + random.nextInt(3); i > 0 && evolving instanceof JsonObject; i--) {
      JsonObject operation = operation(evolving);
      operations.add(operation);
      try {
        evolving = Json.createPatch(Json.createArrayBuilder().add(operation).build()).apply((JsonObject) evolving);
      } catch (RuntimeException invalid) {
        break;
      }
    }
    return operations.build();
  }

  private JsonObject operation(JsonValue document) {
    List<String> paths = new ArrayList<>();
    collect(document, "", paths);
    String existing = paths.get(random.nextInt(paths.size()));
    String target = random.nextInt(3) == 0 ? newMember(document, paths) : existing;
    JsonObjectBuilder op = Json.createObjectBuilder();
    switch (random.nextInt(6)) {
      case 0 -> op.add("op", "add").add("path", target).add("value", randomValue(2));
      case 1 -> op.add("op", "remove").add("path", existing);
      case 2 -> op.add("op", "replace").add("path", existing).add("value", randomValue(2));
      case 3 -> op.add("op", "move").add("from", existing).add("path", target);
      case 4 -> op.add("op", "copy").add("from", existing).add("path", target);
      default -> op.add("op", "test").add("path", existing)
          .add("value", random.nextInt(4) == 0 ? randomValue(1) : Json.createPointer(existing).getValue(
              (JsonObject) document));
    }
    return op.build();
  }

  /** A path where an add creates a member or inserts an element: a new name in an object, an index or "-". */
  private String newMember(JsonValue document, List<String> paths) {
    String parent = paths.get(random.nextInt(paths.size()));
    JsonValue container = Json.createPointer(parent).getValue((JsonObject) document);
    if (container instanceof JsonArray array) {
      return parent + "/" + (random.nextBoolean() ? "-" : String.valueOf(random.nextInt(array.size() + 1)));
    }
    if (container instanceof JsonObject) {
      return parent + "/" + escape(text());
    }
    return parent;
  }

  private static void collect(JsonValue value, String path, List<String> paths) {
    paths.add(path);
    if (value instanceof JsonObject object) {
      object.forEach((name, member) -> collect(member, path + "/" + escape(name), paths));
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        collect(array.get(i), path + "/" + i, paths);
      }
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  private JsonObject randomObject(int depth) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      object.add(text(), randomValue(depth - 1));
    }
    return object.build();
  }

  private JsonValue randomValue(int depth) {
    int kind = random.nextInt(depth > 0 ? 9 : 7);
    return switch (kind) {
      case 0 -> Json.createValue(text());
      case 1 -> Json.createValue(random.nextInt(2_000_000) - 1_000_000);
      case 2 -> Json.createValue(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 3 -> Json.createValue(new BigDecimal(random.nextInt(1000)).scaleByPowerOfTen(random.nextInt(20) - 10));
      case 4 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 5 -> JsonValue.NULL;
      case 6 -> Json.createValue(Long.MAX_VALUE - random.nextInt(10));
      case 7 -> randomObject(depth);
      default -> randomArray(depth);
    };
  }

  private JsonArray randomArray(int depth) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (int i = random.nextInt(5); i > 0; i--) {
      array.add(randomValue(depth - 1));
    }
    return array.build();
  }

  private String text() {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      text.append(TEXT[random.nextInt(TEXT.length)]);
    }
    return text.toString();
  }
}
