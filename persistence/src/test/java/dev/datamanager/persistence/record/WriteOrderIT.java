package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.CommitOutcome;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.DocumentRefused;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Released;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Writes of one session land in the order of its change numbers: a delayed older snapshot never overwrites a newer
 * one, a retried write recognises its own earlier commit or release, and one oversized record never fails its batch.
 */
class WriteOrderIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final RecordKey KEY = new RecordKey("PlayerData", "Player_order");

  private long join(RecordKey key) {
    return assertInstanceOf(Acquired.class, a.acquire(key, "node-a", PROCESS, RECENT, STALE, false, "{}"))
        .generation();
  }

  @Test
  void aDelayedOlderSnapshotNeverOverwritesANewerOne() {
    long generation = join(KEY);
    Committed newer = assertInstanceOf(Committed.class, a.commit(KEY, "node-a", generation, 5, "{\"n\":5}"));
    Committed older = assertInstanceOf(Committed.class, a.commit(KEY, "node-a", generation, 3, "{\"n\":3}"));
    assertEquals(1, newer.version());
    assertEquals(new Committed(KEY, 1, older.leaseRenewedAt(), 5), older, "nothing written; the stored change is 5");
    assertEquals("{\"n\":5}", b.read(KEY).orElseThrow().data());
  }

  @Test
  void aRetriedCommitRecognisesItsOwnEarlierCommit() {
    long generation = join(KEY);
    a.commit(KEY, "node-a", generation, 2, "{\"n\":2}");
    Committed retry = assertInstanceOf(Committed.class, a.commit(KEY, "node-a", generation, 2, "{\"n\":2}"));
    assertEquals(1, retry.version(), "the retry writes no second version");
    assertEquals(2, retry.change());
  }

  @Test
  void aRetriedReleaseRecognisesItsOwnEarlierReleaseEvenAfterAnotherNodeTookTheRecord() {
    long generation = join(KEY);
    assertEquals(new Released(KEY, 1), a.release(KEY, "node-a", generation, 4, "{\"n\":4}"));
    Acquired taken = assertInstanceOf(Acquired.class, b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, false, "{}"));
    b.commit(KEY, "node-b", taken.generation(), 1, "{\"n\":40}");
    assertInstanceOf(Released.class, a.release(KEY, "node-a", generation, 4, "{\"n\":4}"),
        "the release committed before: a retry must not report the session lost");
    assertInstanceOf(LockLost.class, a.release(KEY, "node-a", generation, 6, "{\"n\":6}"),
        "a newer change than the one released was never saved");
    assertEquals("{\"n\":40}", b.read(KEY).orElseThrow().data(), "the retry wrote nothing");
  }

  @Test
  void aReleaseWithNothingNewerKeepsTheStoredDataAndFreesTheRecord() {
    long generation = join(KEY);
    a.commit(KEY, "node-a", generation, 7, "{\"n\":7}");
    assertEquals(new Released(KEY, 1), a.release(KEY, "node-a", generation, 6, "{\"n\":6}"));
    assertEquals("{\"n\":7}", b.read(KEY).orElseThrow().data());
    assertNull(b.read(KEY).orElseThrow().lock());
  }

  @Test
  void anOversizedRecordIsRefusedAloneAndTheRestOfItsBatchIsSaved() {
    RecordKey big = new RecordKey("PlayerData", "Player_big");
    long g1 = join(KEY);
    long g2 = join(big);
    String tooBig = "{\"s\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
    List<CommitOutcome> outcomes = a.commitBatch(List.of(
        new CommitRequest(big, "node-a", g2, 1, tooBig), new CommitRequest(KEY, "node-a", g1, 1, "{\"n\":1}")));
    DocumentRefused refused = assertInstanceOf(DocumentRefused.class, outcomes.get(0));
    assertTrue(refused.sizeBytes() > refused.maxBytes());
    assertInstanceOf(Committed.class, outcomes.get(1));
    assertEquals("{\"n\":1}", b.read(KEY).orElseThrow().data());
    assertEquals("{}", b.read(big).orElseThrow().data());
    assertEquals("node-a", b.read(big).orElseThrow().lock().owner(), "the refused record stays held");
    assertInstanceOf(DocumentRefused.class,
        a.releaseBatch(List.of(new CommitRequest(big, "node-a", g2, 2, tooBig))).get(0), "nor is it released");
  }

  @Test
  void anOrphanedLockOfThisProcessIsFreedAndOnlyThat() {
    join(KEY);
    assertFalse(a.releaseOrphan(KEY, "node-a", "another-process"), "another process with the same id keeps it");
    assertTrue(a.releaseOrphan(KEY, "node-a", PROCESS));
    assertNull(b.read(KEY).orElseThrow().lock());
    assertFalse(a.releaseOrphan(KEY, "node-a", PROCESS), "nothing left to free");
  }

  @Test
  void freeingEveryLockKeepsGenerationsSoNoEarlierSessionCanWrite() {
    long generation = join(KEY);
    assertEquals(1, a.freeAllLocks());
    assertNull(b.read(KEY).orElseThrow().lock());
    assertInstanceOf(LockLost.class, a.commit(KEY, "node-a", generation, 9, "{\"n\":9}"));
  }
}
