package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static dev.datamanager.persistence.testing.Changes.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.ReleaseRequest;
import dev.datamanager.api.record.Released;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Release requests (the handoff to a live owner) and batched releases, each still fenced. */
class HandoffRequestIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final Duration FRESH = Duration.ofMinutes(1);
  static final RecordKey KEY = new RecordKey("PlayerData", "Player_handoff");

  @Test
  void ownerSeesTheRequestReleasesAndTheRequesterThenJoinsWithItsData() {
    Acquired owned = assertInstanceOf(Acquired.class, a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{\"coins\":0}"));
    assertTrue(a.handoffRequests().pending("node-a", PROCESS, FRESH).isEmpty());

    assertTrue(b.handoffRequests().request(KEY, "node-b", PROCESS), "a held record can be asked for");
    assertEquals(List.of(new ReleaseRequest(KEY, "node-b")), a.handoffRequests().pending("node-a", PROCESS, FRESH));
    assertTrue(b.handoffRequests().pending("node-b", PROCESS, FRESH).isEmpty(), "only the owner is asked");

    a.release(KEY, "node-a", owned.generation(), next(), "{\"coins\":42}");
    Acquired joined = assertInstanceOf(Acquired.class, b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, true, "{}"));
    assertEquals("{\"coins\":42}", joined.data(), "the requester gets the owner's last data");
    assertTrue(a.handoffRequests().pending("node-a", PROCESS, FRESH).isEmpty());
    assertTrue(b.handoffRequests().pending("node-b", PROCESS, FRESH).isEmpty(), "taking the lock clears the request");
  }

  @Test
  void aFreeOrMissingRecordOrOnesOwnRecordHasNobodyToAsk() {
    assertFalse(b.handoffRequests().request(KEY, "node-b", PROCESS), "no record yet");
    Acquired owned = assertInstanceOf(Acquired.class, a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{}"));
    assertFalse(a.handoffRequests().request(KEY, "node-a", PROCESS), "never ask oneself");
    a.release(KEY, "node-a", owned.generation(), next(), null);
    assertFalse(b.handoffRequests().request(KEY, "node-b", PROCESS), "free records are simply joined");
  }

  @Test
  void releaseBatchFencesEachRecordOnItsOwn() {
    RecordKey other = new RecordKey("PlayerData", "Player_other");
    Acquired mine = assertInstanceOf(Acquired.class, a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{}"));
    assertInstanceOf(Acquired.class, a.acquire(other, "node-a", PROCESS, RECENT, STALE, true, "{}"));
    var outcomes = a.releaseBatch(List.of(
        new CommitRequest(KEY, "node-a", mine.generation(), next(), "{\"coins\":1}"),
        new CommitRequest(other, "node-a", 99, next(), "{\"coins\":2}")));
    assertEquals(new Released(KEY, 1), outcomes.get(0));
    assertEquals(new LockLost(other, "node-a", 1), outcomes.get(1));
    assertEquals("{\"coins\":1}", b.read(KEY).orElseThrow().data());
    assertEquals("{}", b.read(other).orElseThrow().data(), "the fenced-off record is untouched");
  }
}
