package dev.datamanager.persistence.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.persistence.testing.DatabaseKind;
import dev.datamanager.persistence.testing.Interleaving;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A record's lock is a real row lock: a second transaction on the row waits until the first one ends. */
class RowLockIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final RecordKey KEY = new RecordKey("PlayerData", "Player_9");
  static final long HOLD_MILLIS = 700;

  @Test
  void secondTransactionOnTheRowWaitsForTheFirstToCommit() throws Exception {
    a.acquire(KEY, "node-a", RECENT, STALE, "{}");

    var steps = Interleaving.firstHoldsThenSecond(db, nodeA,
        () -> a.commit(KEY, "node-a", 1, "{\"x\":1}"),
        () -> b.acquire(KEY, "node-b", RECENT, STALE, "{}"),
        HOLD_MILLIS);

    assertInstanceOf(Committed.class, steps.first());
    assertInstanceOf(Refused.class, steps.second());
    assertTrue(steps.secondMillis() >= HOLD_MILLIS, "blocked only " + steps.secondMillis() + " ms");
    String blocked = steps.blockedSql().get(0).toUpperCase(Locale.ROOT);
    System.out.printf("[%s] blocked %d ms in: %s%n", kind, steps.secondMillis(), blocked);
    assertTrue(blocked.contains("FROM DM_RECORD"), blocked);
    if (kind == DatabaseKind.POSTGRESQL) {
      assertTrue(blocked.endsWith("FOR UPDATE"), blocked);
    } else {
      assertTrue(blocked.contains("FOR UPDATE WITH RS"), blocked);
    }
    assertEquals(1, b.read(KEY).orElseThrow().version());
  }
}
