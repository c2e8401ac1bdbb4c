package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static dev.datamanager.persistence.testing.Changes.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.record.Refused;
import dev.datamanager.api.record.Released;
import dev.datamanager.api.record.Renewal;
import dev.datamanager.persistence.testing.Interleaving;
import dev.datamanager.persistence.testing.Interleaving.Outcomes;
import dev.datamanager.persistence.testing.Node;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Fixed interleavings of two nodes on one record, each order asserted: acquire vs acquire, and the
 * old owner's commit, release and renew against a steal of its stale lease.
 */
class InterleavingIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMillis(300);
  static final Duration STALE = Duration.ofMillis(1000);
  static final String TEMPLATE = "{\"coins\":0}";
  static final String A_DATA = "{\"coins\":1}";
  static final String A_FINAL = "{\"coins\":2}";
  static final RecordKey KEY = new RecordKey("PlayerData", "Player_7");

  @Test
  void acquireVsAcquireOnAMissingRecord() throws Exception {
    assertTrue(assertOneWinsOneRefused().created());
  }

  @Test
  void acquireVsAcquireOnAFreeRecord() throws Exception {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    a.release(KEY, "node-a", 1, next(), A_DATA);
    assertOneWinsOneRefused();
  }

  @Test
  void stealThenOldOwnersCommit() throws Exception {
    var steps = afterStaleLease(nodeB, steal(), () -> a.commit(KEY, "node-a", 1, next(), A_FINAL));
    assertStolen(steps.first());
    assertEquals(new LockLost(KEY, "node-b", 2), steps.second());
    assertNewOwnersDataStays();
  }

  @Test
  void oldOwnersCommitThenSteal() throws Exception {
    var steps = afterStaleLease(nodeA, () -> a.commit(KEY, "node-a", 1, next(), A_FINAL), steal());
    assertEquals(2, assertInstanceOf(Committed.class, steps.first()).version());
    assertRefusedBecauseTheLeaseWasJustRenewed(steps.second());
  }

  @Test
  void stealThenOldOwnersRelease() throws Exception {
    var steps = afterStaleLease(nodeB, steal(), () -> a.release(KEY, "node-a", 1, next(), A_FINAL));
    assertStolen(steps.first());
    assertEquals(new LockLost(KEY, "node-b", 2), steps.second());
    assertNewOwnersDataStays();
  }

  @Test
  void oldOwnersReleaseThenAcquire() throws Exception {
    var steps = afterStaleLease(nodeA, () -> a.release(KEY, "node-a", 1, next(), A_FINAL), steal());
    assertEquals(new Released(KEY, 2), steps.first());
    Acquired next = assertInstanceOf(Acquired.class, steps.second());
    assertEquals(new Acquired(KEY, A_FINAL, 2, 2, false, false, null, next.leaseRenewedAt()), next);
  }

  @Test
  void stealThenOldOwnersRenew() throws Exception {
    var steps = afterStaleLease(nodeB, steal(), () -> a.renew("node-a", List.of(new LeaseClaim(KEY, 1))));
    assertStolen(steps.first());
    assertEquals(new Renewal(Set.of(), Set.of(KEY), steps.second().renewedAt()), steps.second());
    assertNewOwnersDataStays();
  }

  @Test
  void oldOwnersRenewThenSteal() throws Exception {
    var steps = afterStaleLease(nodeA, () -> a.renew("node-a", List.of(new LeaseClaim(KEY, 1))), steal());
    assertEquals(new Renewal(Set.of(KEY), Set.of(), steps.first().renewedAt()), steps.first());
    assertNotNull(steps.first().renewedAt(), "a renewal reports the new lease time");
    assertRefusedBecauseTheLeaseWasJustRenewed(steps.second());
  }

  private Acquired assertOneWinsOneRefused() throws Exception {
    Outcomes<AcquireOutcome, AcquireOutcome> steps = Interleaving.firstHoldsThenSecond(db, nodeA,
        () -> a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE), steal(), 0);
    Acquired winner = assertInstanceOf(Acquired.class, steps.first());
    Refused refused = assertInstanceOf(Refused.class, steps.second());
    assertEquals("node-a", refused.owner());
    return winner;
  }

  /** Node A holds the record with committed data, then stops renewing until its lease is stale. */
  private <F, S> Outcomes<F, S> afterStaleLease(Node firstNode, Callable<F> first, Callable<S> second)
      throws Exception {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, TEMPLATE);
    a.commit(KEY, "node-a", 1, next(), A_DATA);
    Thread.sleep(STALE.toMillis() + 100);
    return Interleaving.firstHoldsThenSecond(db, firstNode, first, second, 0);
  }

  private Callable<AcquireOutcome> steal() {
    return () -> b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, true, TEMPLATE);
  }

  private static void assertStolen(AcquireOutcome outcome) {
    Acquired stolen = assertInstanceOf(Acquired.class, outcome);
    assertTrue(stolen.stolen());
    assertEquals("node-a", stolen.previousOwner());
    assertEquals(2, stolen.generation());
    assertEquals(A_DATA, stolen.data());
  }

  private void assertNewOwnersDataStays() {
    assertInstanceOf(Committed.class, b.commit(KEY, "node-b", 2, next(), "{\"coins\":100}"));
    RecordSnapshot stored = a.read(KEY).orElseThrow();
    assertEquals("{\"coins\":100}", stored.data());
    assertEquals(2, stored.version(), "A's commit was v1, the new owner's is v2, nothing in between");
    assertEquals("node-b", stored.lock().owner());
  }

  private static void assertRefusedBecauseTheLeaseWasJustRenewed(AcquireOutcome outcome) {
    Refused refused = assertInstanceOf(Refused.class, outcome);
    assertEquals("node-a", refused.owner());
    assertFalse(refused.leaseAge().compareTo(STALE) >= 0);
  }
}
