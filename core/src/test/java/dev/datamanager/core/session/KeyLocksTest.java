package dev.datamanager.core.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.RecordKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A join of one key never waits for a join of another, and a key's lock exists only while it is used. */
class KeyLocksTest {

  private static final RecordKey A = new RecordKey("PlayerData", "A");
  private static final RecordKey B = new RecordKey("PlayerData", "B");

  @Test
  void anotherKeyIsNotBlockedWhileOneKeyIsHeldAndTheSameKeyIs() throws Exception {
    KeyLocks locks = new KeyLocks();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> locks.with(A, () -> {
      holding.countDown();
      HeldSessionTest.await(release);
      return null;
    }));
    assertTrue(holding.await(5, TimeUnit.SECONDS));
    assertTrue(CompletableFuture.supplyAsync(() -> locks.tryWith(B, () -> {})).get(5, TimeUnit.SECONDS),
        "a join of B goes ahead while A's join waits on the database");
    assertFalse(CompletableFuture.supplyAsync(() -> locks.tryWith(A, () -> {})).get(5, TimeUnit.SECONDS),
        "but not a second join of A");
    release.countDown();
    holder.get(5, TimeUnit.SECONDS);
    assertEquals(0, locks.size(), "no lock is kept for a key nobody uses");
  }
}
