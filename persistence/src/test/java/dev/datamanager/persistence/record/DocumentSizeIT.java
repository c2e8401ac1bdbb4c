package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static dev.datamanager.persistence.testing.Changes.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.error.DocumentTooLargeException;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.DocumentRefused;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Released;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A document of exactly the limit round-trips; one byte more is refused before any database work. */
class DocumentSizeIT extends OnBothDatabases {

  static final int LIMIT = 4_194_304;
  static final RecordKey KEY = new RecordKey("PlayerData", "Big");
  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);

  /** A JSON object of exactly {@code bytes} UTF-8 bytes, with a two-byte character to count right. */
  static String document(int bytes, char filler) {
    String head = "{\"é\":\"";
    String tail = "\"}";
    int headBytes = head.getBytes(StandardCharsets.UTF_8).length;
    String json = head + String.valueOf(filler).repeat(bytes - headBytes - tail.length()) + tail;
    assertEquals(bytes, json.getBytes(StandardCharsets.UTF_8).length);
    return json;
  }

  @Test
  void aFourMegabyteDocumentRoundTrips() {
    String created = document(LIMIT, 'a');
    Acquired acquired = assertInstanceOf(Acquired.class, a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, created));
    assertEquals(created, acquired.data());
    assertEquals(created, a.read(KEY).orElseThrow().data());

    String committed = document(LIMIT, 'b');
    assertInstanceOf(Committed.class, a.commit(KEY, "node-a", 1, next(), committed));
    assertEquals(committed, a.read(KEY).orElseThrow().data());

    String released = document(LIMIT, 'c');
    assertEquals(new Released(KEY, 2), a.release(KEY, "node-a", 1, next(), released));
    Acquired again = assertInstanceOf(Acquired.class, a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{}"));
    assertEquals(released, again.data());
  }

  @Test
  void oneByteMoreIsRefusedForThatRecordAloneAndNothingIsWritten() {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{}");
    String tooBig = document(LIMIT + 1, 'x');
    int borrowed = nodeA.dataSource().connectionsBorrowed();
    assertTooLarge(() -> a.acquire(new RecordKey("PlayerData", "New"), "node-a", PROCESS, RECENT, STALE, true, tooBig));
    assertEquals(borrowed, nodeA.dataSource().connectionsBorrowed(), "a join is refused before any database work");

    assertRefused(a.commit(KEY, "node-a", 1, next(), tooBig));
    assertRefused(a.release(KEY, "node-a", 1, next(), tooBig));
    assertEquals(0, a.read(KEY).orElseThrow().version(), "nothing was written");
    assertEquals("node-a", a.read(KEY).orElseThrow().lock().owner(), "nor released");
  }

  private static void assertRefused(Object outcome) {
    DocumentRefused refused = assertInstanceOf(DocumentRefused.class, outcome);
    assertEquals(LIMIT + 1, refused.sizeBytes());
    assertEquals(LIMIT, refused.maxBytes());
  }

  private static void assertTooLarge(Executable call) {
    DocumentTooLargeException error = assertThrows(DocumentTooLargeException.class, call);
    assertEquals(LIMIT + 1, error.sizeBytes());
    assertEquals(LIMIT, error.maxBytes());
    assertTrue(error.getMessage().contains("4194305 bytes") && error.getMessage().contains("4194304"),
        error.getMessage());
  }
}
