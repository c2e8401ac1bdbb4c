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
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, DocumentLimit.utf8Length(text), text);
    }
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
