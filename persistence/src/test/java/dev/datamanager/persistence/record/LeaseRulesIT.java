package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static dev.datamanager.persistence.testing.Changes.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.LeaseStanding;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.record.Refused;
import dev.datamanager.api.record.Released;
import dev.datamanager.api.record.Renewal;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.api.server.NodeView;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The join rule (take, refuse, steal) and the fence on every write, one operation at a time. */
class LeaseRulesIT extends OnBothDatabases {

  private static final ProcessBeats.Figures IDLE = new ProcessBeats.Figures(0, 0, 0, false, 0, 0);

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final String TEMPLATE = "{\"coins\":0}";
  static final RecordKey KEY = new RecordKey("PlayerData", "Player_1");

  @Test
  void missingRecordIsCreatedFromTheInitialData() {
    Acquired first = assertInstanceOf(Acquired.class, a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE));
    assertEquals(new Acquired(KEY, TEMPLATE, 0, 1, true, false, null, first.leaseRenewedAt()), first);
    RecordSnapshot stored = b.read(KEY).orElseThrow();
    assertEquals("node-a", stored.lock().owner());
    assertEquals(1, stored.lock().generation());
    assertEquals(first.leaseRenewedAt(), stored.lock().leaseRenewedAt());
    assertTrue(b.read(new RecordKey("PlayerData", "nobody")).isEmpty());
  }

  @Test
  void refusedJoinReportsTheOwnerAndWhenTheLeaseBecomesStealable() {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    Refused recent = assertInstanceOf(Refused.class, b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, true, TEMPLATE));
    assertEquals("node-a", recent.owner());
    assertEquals(LeaseStanding.RECENT, recent.standing());
    assertTrue(recent.leaseAge().compareTo(Duration.ofSeconds(5)) < 0, recent.toString());
    assertEquals(STALE.minus(recent.leaseAge()), recent.retryAfter());
    Refused ageing = assertInstanceOf(Refused.class, b.acquire(KEY, "node-b", PROCESS, Duration.ZERO, STALE, true, TEMPLATE));
    assertEquals(LeaseStanding.AGEING, ageing.standing());
    assertEquals(1, b.read(KEY).orElseThrow().generation(), "a refusal changes nothing");
  }

  @Test
  void leaseTurnsStaleByDatabaseTimeAndIsStolen() throws InterruptedException {
    Duration recent = Duration.ofMillis(100);
    Duration stale = Duration.ofMillis(400);
    a.acquire(KEY, "node-a", PROCESS, recent, stale, true, TEMPLATE);
    assertInstanceOf(Refused.class, b.acquire(KEY, "node-b", PROCESS, recent, stale, true, TEMPLATE));
    Thread.sleep(stale.toMillis() + 100);
    Acquired stolen = assertInstanceOf(Acquired.class, b.acquire(KEY, "node-b", PROCESS, recent, stale, true, TEMPLATE));
    assertTrue(stolen.stolen());
    assertEquals("node-a", stolen.previousOwner());
    assertEquals(2, stolen.generation());
  }

  @Test
  void afterASteal_theOldOwnerCannotWriteAndTheNewOwnersDataStays() {
    Acquired original = (Acquired) a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    assertEquals(1, ((Committed) a.commit(KEY, "node-a", 1, next(), "{\"coins\":1}")).version());
    Acquired stolen = assertInstanceOf(Acquired.class, b.acquire(KEY, "node-b", PROCESS, Duration.ZERO, Duration.ZERO, true, TEMPLATE));
    assertEquals(new Acquired(KEY, "{\"coins\":1}", 1, original.generation() + 1, false, true, "node-a",
        stolen.leaseRenewedAt()), stolen);
    assertEquals(2, ((Committed) b.commit(KEY, "node-b", 2, next(), "{\"coins\":50}")).version());

    assertEquals(new LockLost(KEY, "node-b", 2), a.commit(KEY, "node-a", 1, next(), "{\"coins\":999}"));
    assertEquals(new LockLost(KEY, "node-b", 2), a.release(KEY, "node-a", 1, next(), "{\"coins\":999}"));
    Renewal none = a.renew("node-a", List.of(new LeaseClaim(KEY, 1)));
    assertEquals(Set.of(), none.renewed());
    assertEquals(Set.of(KEY), none.lost());

    RecordSnapshot stored = a.read(KEY).orElseThrow();
    assertEquals("{\"coins\":50}", stored.data());
    assertEquals(2, stored.version());
    assertEquals("node-b", stored.lock().owner());
  }

  @Test
  void rejoinOnTheSameNodeFencesItsOlderSession() {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    Acquired again = assertInstanceOf(Acquired.class, a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE));
    assertEquals(2, again.generation());
    assertFalse(again.stolen());
    assertEquals(new LockLost(KEY, "node-a", 2), a.commit(KEY, "node-a", 1, next(), "{\"coins\":7}"));
    assertInstanceOf(Committed.class, a.commit(KEY, "node-a", 2, next(), "{\"coins\":7}"));
  }

  @Test
  void releaseSavesTheFinalDataAndFreesTheRecord() {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    assertEquals(new Released(KEY, 1), a.release(KEY, "node-a", 1, next(), "{\"coins\":3}"));
    RecordSnapshot stored = b.read(KEY).orElseThrow();
    assertNull(stored.lock());
    assertEquals("{\"coins\":3}", stored.data());
    Acquired next = assertInstanceOf(Acquired.class, b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, true, TEMPLATE));
    assertEquals(new Acquired(KEY, "{\"coins\":3}", 1, 2, false, false, null, next.leaseRenewedAt()), next);
    assertEquals(new Released(KEY, 1), b.release(KEY, "node-b", 2, next(), null), "null final data: nothing new to save");
  }

  @Test
  void batchCommitFencesEachRecordOnItsOwn() {
    RecordKey k1 = new RecordKey("PlayerData", "k1");
    RecordKey k2 = new RecordKey("PlayerData", "k2");
    RecordKey k3 = new RecordKey("Inventory", "k3");
    RecordKey missing = new RecordKey("PlayerData", "missing");
    for (RecordKey key : List.of(k1, k2, k3)) {
      a.acquire(key, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    }
    b.acquire(k2, "node-b", PROCESS, Duration.ZERO, Duration.ZERO, true, TEMPLATE);
    var outcomes = a.commitBatch(List.of(
        new CommitRequest(k3, "node-a", 1, next(), "{\"k\":3}"),
        new CommitRequest(k2, "node-a", 1, next(), "{\"k\":2}"),
        new CommitRequest(missing, "node-a", 1, next(), "{\"k\":0}"),
        new CommitRequest(k1, "node-a", 1, next(), "{\"k\":1}")));
    assertEquals(k3, assertInstanceOf(Committed.class, outcomes.get(0)).key());
    assertEquals(new LockLost(k2, "node-b", 2), outcomes.get(1));
    assertEquals(new LockLost(missing, null, 0), outcomes.get(2));
    assertEquals(1, assertInstanceOf(Committed.class, outcomes.get(3)).version());
    assertEquals("{\"k\":1}", a.read(k1).orElseThrow().data());
    assertEquals(TEMPLATE, a.read(k2).orElseThrow().data());
    assertTrue(a.read(missing).isEmpty());
  }

  @Test
  void renewReportsWhichLeasesAreStillOurs() throws InterruptedException {
    RecordKey k1 = new RecordKey("PlayerData", "k1");
    RecordKey k2 = new RecordKey("PlayerData", "k2");
    RecordKey missing = new RecordKey("PlayerData", "missing");
    Acquired held = (Acquired) a.acquire(k1, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    a.acquire(k2, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    b.acquire(k2, "node-b", PROCESS, Duration.ZERO, Duration.ZERO, true, TEMPLATE);
    Thread.sleep(20);
    Renewal renewal = a.renew("node-a",
        List.of(new LeaseClaim(k1, 1), new LeaseClaim(k2, 1), new LeaseClaim(missing, 1)));
    assertEquals(Set.of(k1), renewal.renewed());
    assertEquals(Set.of(k2, missing), renewal.lost());
    assertNotNull(renewal.renewedAt());
    assertTrue(a.read(k1).orElseThrow().lock().leaseRenewedAt().isAfter(held.leaseRenewedAt()));
  }

  @Test
  void aStaleLeaseIsNotStolenWhileItsOwnerProcessBeats() throws InterruptedException {
    Duration recent = Duration.ofMillis(100);
    Duration stale = Duration.ofMillis(400);
    ProcessBeats beats = a.processBeats();
    a.acquire(KEY, "node-a", PROCESS, recent, stale, true, TEMPLATE);
    Thread.sleep(stale.toMillis() + 100);
    beats.beat("node-a", PROCESS, IDLE);
    Refused alive = assertInstanceOf(Refused.class, b.acquire(KEY, "node-b", PROCESS, recent, stale, true, TEMPLATE));
    assertEquals(LeaseStanding.RECENT, alive.standing(), "the lease is stale but its owner beat just now");
    assertInstanceOf(Refused.class, b.writeUnheld(KEY, "node-b", PROCESS, recent, stale, true, text -> "{\"coins\":9}",
        VersionNote.of(SaveReason.EDIT, "alice")));
    assertEquals(1, b.read(KEY).orElseThrow().generation(), "nothing was taken or written");
    beats.end("node-a", PROCESS);
    Acquired stolen = assertInstanceOf(Acquired.class, b.acquire(KEY, "node-b", PROCESS, recent, stale, true, TEMPLATE));
    assertTrue(stolen.stolen(), "an owner that ended its beat is judged by its lease alone");
  }

  @Test
  void aSilentOwnerIsStolenFromAndForgotten() throws InterruptedException {
    Duration recent = Duration.ofMillis(100);
    Duration stale = Duration.ofMillis(400);
    ProcessBeats beats = a.processBeats();
    beats.beat("node-a", PROCESS, IDLE);
    a.acquire(KEY, "node-a", PROCESS, recent, stale, true, TEMPLATE);
    beats.beat("node-a", "an-earlier-run", IDLE);
    Thread.sleep(stale.toMillis() + 100);
    beats.beat("node-a", "an-earlier-run", IDLE); // the same server id in another process says nothing of this one
    assertEquals(1, beats.forgetSilentFor(stale));
    Acquired stolen = assertInstanceOf(Acquired.class, b.acquire(KEY, "node-b", PROCESS, recent, stale, true, TEMPLATE));
    assertTrue(stolen.stolen());
  }

  @Test
  void eachBeatCarriesItsProcessFiguresAndAnEndedProcessIsNoLongerListed() throws InterruptedException {
    ProcessBeats beats = a.processBeats();
    beats.beat("node-a", PROCESS, IDLE);
    List<NodeView> first = beats.seenWithin(Duration.ofMinutes(1));
    assertEquals(1, first.size(), first.toString());
    Instant startedAt = first.get(0).startedAt();
    Thread.sleep(20);
    beats.beat("node-a", PROCESS, new ProcessBeats.Figures(120, 14, 21_500, true, 2, 3));
    beats.beat("node-b", "another-process", IDLE);
    List<NodeView> nodes = b.processBeats().seenWithin(Duration.ofMinutes(1));
    assertEquals(List.of("node-a", "node-b"), nodes.stream().map(NodeView::id).toList());
    NodeView nodeA = nodes.get(0);
    assertEquals(startedAt, nodeA.startedAt(), "a later beat keeps the start");
    assertTrue(nodeA.lastSeen().isAfter(startedAt), nodeA.toString());
    assertEquals(List.of(120, 14, 21L, true, 2L, 3L), List.of(nodeA.sessions(), nodeA.dirty(),
        nodeA.autosaveLagSeconds(), nodeA.draining(), nodeA.steals(), nodeA.locksLost()));
    beats.end("node-a", PROCESS);
    assertEquals(List.of("node-b"), beats.seenWithin(Duration.ofMinutes(1)).stream().map(NodeView::id).toList());
    Thread.sleep(50);
    assertEquals(List.of(), beats.seenWithin(Duration.ofMillis(10)), "a process silent for longer is not listed");
  }

  @Test
  void locksOfProcessesThatStoppedBeatingAreCounted() {
    ProcessBeats beats = a.processBeats();
    RecordKey other = new RecordKey("PlayerData", "Player_2");
    beats.beat("node-a", PROCESS, IDLE);
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    assertEquals(0, beats.locksOfProcessesSilentFor(Duration.ofMinutes(1), STALE), "its owner beats");
    b.acquire(other, "node-b", "never-beat", RECENT, STALE, true, TEMPLATE);
    assertEquals(1, beats.locksOfProcessesSilentFor(Duration.ofMinutes(1), STALE), "an owner that never beat is gone");
    beats.end("node-a", PROCESS);
    assertEquals(2, b.processBeats().locksOfProcessesSilentFor(Duration.ofMinutes(1), STALE), "an ended process is gone");
    b.release(other, "node-b", 1, next(), null);
    assertEquals(1, beats.locksOfProcessesSilentFor(Duration.ofMinutes(1), STALE), "a released record is no one's");
    assertEquals(0, beats.locksOfProcessesSilentFor(Duration.ofMinutes(1), Duration.ZERO),
        "a stale lease blocks no join: the next one takes it");
  }
}
