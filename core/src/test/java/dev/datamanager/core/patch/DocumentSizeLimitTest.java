package dev.datamanager.core.patch;

import static dev.datamanager.core.JsonText.object;
import static dev.datamanager.core.JsonText.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datamanager.api.error.DocumentTooLargeException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentSizeLimitTest {

  private static final JsonObject TEMPLATE = object("{'name':''}");

  @Test
  void sizeIsCountedInUtf8BytesOfCompactJson() {
    // 'é' is two bytes and the emoji four in UTF-8, so counting chars would be wrong.
    JsonObject document = Json.createObjectBuilder().add("name", "é\uD83D\uDE00").add("n", 1).build();

    long size = new DocumentPatcher(100).serializedSize(document);

    assertEquals(document.toString().getBytes(StandardCharsets.UTF_8).length, size);
    assertEquals("{\"name\":\"\",\"n\":1}".length() + 2 + 4, size);
  }

  @Test
  void aDocumentExactlyAtTheLimitIsAcceptedAndOneByteMoreIsRefused() {
    JsonObject document = object("{'name':'ab'}");
    JsonObject atLimit = object("{'name':'abcé'}");
    long limit = atLimit.toString().getBytes(StandardCharsets.UTF_8).length;
    DocumentPatcher patcher = new DocumentPatcher(limit);

    JsonObject accepted = patcher.apply(document, TEMPLATE, PatchFormat.MERGE_PATCH, value("{'name':'abcé'}"));
    DocumentTooLargeException refused = assertThrows(DocumentTooLargeException.class,
        () -> patcher.apply(document, TEMPLATE, PatchFormat.JSON_PATCH,
            value("[{'op':'replace','path':'/name','value':'abcéd'}]")));

    assertEquals(atLimit, accepted);
    assertEquals(limit + 1, refused.sizeBytes());
    assertEquals(limit, refused.maxBytes());
    assertEquals(object("{'name':'ab'}"), document);
  }

  @Test
  void aLargeDocumentIsPatchedWithoutCopyingItsUntouchedMembers() {
    var builder = Json.createObjectBuilder().add("name", "");
    for (int i = 0; i < 2_000; i++) {
      builder.add("slot" + i, object("{'item':'x','count':1}"));
    }
    JsonObject big = builder.build();
    DocumentPatcher patcher = new DocumentPatcher(1_048_576);

    JsonObject patched = patcher.apply(big, TEMPLATE, PatchFormat.MERGE_PATCH, value("{'slot7':{'count':2}}"));

    assertEquals(2, patched.getJsonObject("slot7").getInt("count"));
    assertSame(big.get("slot8"), patched.get("slot8"), "JSON-P shares the untouched member");
    assertEquals(big.size(), patched.size());
  }
}
