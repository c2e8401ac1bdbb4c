package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static dev.datamanager.persistence.testing.Changes.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.persistence.testing.CommitGate;
import dev.datamanager.persistence.testing.DatabaseKind;
import dev.datamanager.persistence.testing.Interleaving;
import dev.datamanager.persistence.testing.OnBothDatabases;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A record's lock is a real row lock: a second transaction on the row waits until the first one ends,
 * but never forever (PostgreSQL lock_timeout 5 s, Derby derby.locks.waitTimeout 10 s).
 */
class RowLockIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final RecordKey KEY = new RecordKey("PlayerData", "Player_9");
  static final long HOLD_MILLIS = 700;

  @Test
  void secondTransactionOnTheRowWaitsForTheFirstToCommit() throws Exception {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{}");

    var steps = Interleaving.firstHoldsThenSecond(db, nodeA,
        () -> a.commit(KEY, "node-a", 1, next(), "{\"x\":1}"),
        () -> b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, true, "{}"),
        HOLD_MILLIS);

    assertInstanceOf(Committed.class, steps.first());
    assertInstanceOf(Refused.class, steps.second());
    assertTrue(steps.secondMillis() >= HOLD_MILLIS, "blocked only " + steps.secondMillis() + " ms");
    String blocked = steps.blockedSql().get(0).toUpperCase(Locale.ROOT);
    System.out.printf("[%s] blocked %d ms in: %s%n", kind, steps.secondMillis(), blocked);
    assertTrue(blocked.contains("FROM DM_RECORD"), blocked);
    if (kind == DatabaseKind.POSTGRESQL) {
      // The join's locking subquery, with the clock read above it once the lock is held.
      assertTrue(blocked.contains("FOR UPDATE)") && !blocked.contains("WITH RS"), blocked);
    } else {
      assertTrue(blocked.contains("FOR UPDATE WITH RS"), blocked);
    }
    assertEquals(1, b.read(KEY).orElseThrow().version());
  }

  @Test
  void aBlockedJoinGivesUpInsteadOfWaitingForever() throws Exception {
    a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, true, "{}");
    CommitGate gate = nodeA.dataSource().holdNextCommit();
    ExecutorService threads = Executors.newSingleThreadExecutor();
    try {
      Future<?> holder = threads.submit(() -> a.commit(KEY, "node-a", 1, next(), "{\"x\":1}"));
      gate.awaitReached();
      long start = System.nanoTime();
      assertThrows(PersistenceException.class, () -> b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, true, "{}"));
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("[%s] a blocked join gave up after %d ms%n", kind, waitedMillis);
      assertTrue(waitedMillis >= 4_000 && waitedMillis < 20_000, "gave up after " + waitedMillis + " ms");
      gate.open();
      holder.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    assertEquals(1, a.read(KEY).orElseThrow().version(), "the holder's commit went through");
  }
}
