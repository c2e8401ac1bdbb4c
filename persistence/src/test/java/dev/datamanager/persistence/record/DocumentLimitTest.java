package dev.datamanager.persistence.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datamanager.api.error.DocumentTooLargeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The size check counts UTF-8 bytes exactly as the encoder would, without encoding. */
class DocumentLimitTest {

  @Test
  void countsUtf8BytesLikeTheEncoder() {
    for (String text : new String[] {"", "{}", "é", "€", "😀", "{\"name\":\"Zoë 😀 €\"}", "ascii only"}) {
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, DocumentSize.utf8Length(text), text);
    }
  }

  @Test
  void aLoneSurrogateCountsAsItsThreeByteReplacementWhetherCountedWholeOrWritten() throws Exception {
    String lone = "a\ud800b\udc00";
    assertEquals(1 + 3 + 1 + 3, DocumentSize.utf8Length(lone));
    DocumentSize written = new DocumentSize();
    // A pair split across two writes is still one four-byte character.
    written.write("x\ud83d");
    written.write("\ude00");
    assertEquals(5, written.bytes());
  }

  @Test
  void theLimitItselfPassesOneByteMoreFails() {
    DocumentLimit limit = new DocumentLimit(4);
    limit.check("{\"\"}");
    DocumentTooLargeException error = assertThrows(DocumentTooLargeException.class, () -> limit.check("{\"é\"}"));
    assertEquals(6, error.sizeBytes());
    assertEquals(4, error.maxBytes());
  }
}
