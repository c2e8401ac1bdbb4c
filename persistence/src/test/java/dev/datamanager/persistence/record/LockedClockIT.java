package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static dev.datamanager.persistence.testing.Changes.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.persistence.testing.CommitGate;
import dev.datamanager.persistence.testing.DatabaseKind;
import dev.datamanager.persistence.testing.Interleaving;
import dev.datamanager.persistence.testing.OnBothDatabases;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The database clock of a locked load is read after its lock wait, also where the clock rides in the locking query
 * (PostgreSQL), and the lock-wait bound set once per connection holds for every later transaction on it.
 */
class LockedClockIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final RecordKey KEY = new RecordKey("PlayerData", "Player_7");
  static final long HOLD_MILLIS = 700;
  /** The clock may be read a little before the holder's commit is seen; never a whole hold before. */
  static final long SLACK_MILLIS = 150;

  @Test
  void aJoinWaitingForTheLockJudgesTheLeaseAgeAfterTheWait() throws Exception {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{}");

    var steps = Interleaving.firstHoldsThenSecond(db, nodeA,
        () -> a.commit(KEY, "node-a", 1, next(), "{\"x\":1}"),
        () -> b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, true, "{}"),
        HOLD_MILLIS);

    Refused refused = assertInstanceOf(Refused.class, steps.second());
    assertTrue(refused.leaseAge().toMillis() >= HOLD_MILLIS - SLACK_MILLIS,
        "lease age " + refused.leaseAge() + " after waiting " + steps.secondMillis() + " ms for the lock");
  }

  @Test
  void aBatchWaitingForTheLockStampsTheLeaseAfterTheWait() throws Exception {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{}");

    var steps = Interleaving.firstHoldsThenSecond(db, nodeA,
        () -> a.commit(KEY, "node-a", 1, next(), "{\"x\":1}"),
        () -> b.commit(KEY, "node-a", 1, next(), "{\"x\":2}"),
        HOLD_MILLIS);

    Committed first = assertInstanceOf(Committed.class, steps.first());
    Committed second = assertInstanceOf(Committed.class, steps.second());
    Duration between = Duration.between(first.leaseRenewedAt(), second.leaseRenewedAt());
    assertTrue(between.toMillis() >= HOLD_MILLIS - SLACK_MILLIS,
        "the second stamp is only " + between + " after the first, which held the lock " + HOLD_MILLIS + " ms");
    assertEquals(second.leaseRenewedAt(), a.read(KEY).orElseThrow().lock().leaseRenewedAt());
  }

  /**
   * PostgreSQL's bound is a session setting made by a connection's first transaction: a transaction that rolls
   * back undoes it, so the connection's next transaction must set it again and still give up in time.
   */
  @Test
  void aConnectionWhoseFirstTransactionRolledBackStillBoundsLockWaits() throws Exception {
    assumeTrue(kind == DatabaseKind.POSTGRESQL, "Derby's bound is a database property");
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{}");
    CommitGate gate = nodeA.dataSource().holdNextCommit();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> holder = threads.submit(() -> a.commit(KEY, "node-a", 1, next(), "{\"x\":1}"));
      gate.awaitReached();
      for (int attempt = 1; attempt <= 2; attempt++) {
        long start = System.nanoTime();
        Future<?> blocked = threads.submit(() -> b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, true, "{}"));
        ExecutionException failure = assertThrows(ExecutionException.class,
            () -> blocked.get(20, TimeUnit.SECONDS), "attempt " + attempt + " must give up, not wait forever");
        assertInstanceOf(PersistenceException.class, failure.getCause());
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 4_000, "attempt " + attempt + " gave up after " + waitedMillis + " ms");
      }
      gate.open();
      holder.get(30, TimeUnit.SECONDS);
    } finally {
      gate.open();
      threads.shutdownNow();
    }
  }
}
