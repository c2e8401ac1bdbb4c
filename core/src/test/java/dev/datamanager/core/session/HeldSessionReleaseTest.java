package dev.datamanager.core.session;

import static dev.datamanager.core.JsonText.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A release's snapshot is the end of the session: every change acknowledged before it is in it, none after. */
class HeldSessionReleaseTest {

  @Test
  void afterTheReleaseSnapshotNoChangeIsAcceptedUntilTheReleaseFails() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.apply(HeldSessionTest::addCoin);
    Snapshot last = session.beginRelease();
    assertEquals(1, last.document().getInt("coins"));

    NotAcceptingChanges refused = assertThrows(NotAcceptingChanges.class, () -> session.apply(HeldSessionTest::addCoin));
    assertEquals(HeldSession.Phase.RELEASING, refused.phase());
    assertThrows(NotAcceptingChanges.class, session::snapshotToSave);
    assertEquals(last.document(), session.beginRelease().document(), "a retried release sends the same state");

    session.holdAgain();
    session.apply(HeldSessionTest::addCoin);
    assertEquals(2, session.document().getInt("coins"));
  }

  @Test
  void anEndedSessionNeverTakesAChangeOrAReleaseAgain() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.beginRelease();
    session.end();
    session.holdAgain();
    assertEquals(HeldSession.Phase.ENDED, session.phase());
    assertThrows(NotAcceptingChanges.class, () -> session.apply(HeldSessionTest::addCoin));
    assertThrows(NotAcceptingChanges.class, session::beginRelease);
  }

  @Test
  void updatesRacingAReleaseAreEitherInItsSnapshotOrRefused() throws Exception {
    for (int round = 0; round < 200; round++) {
      HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
      int delayNanos = 1000 * (round % 50);
      AtomicInteger acknowledged = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        Future<?> updater = threads.submit(() -> {
          HeldSessionTest.await(start);
          try {
            while (true) {
              session.apply(HeldSessionTest::addCoin);
              acknowledged.incrementAndGet();
            }
          } catch (NotAcceptingChanges e) {
            return;
          }
        });
        Future<Snapshot> release = threads.submit(() -> {
          HeldSessionTest.await(start);
          Thread.sleep(0, delayNanos);
          return session.beginRelease();
        });
        start.countDown();
        Snapshot saved = release.get(5, TimeUnit.SECONDS);
        updater.get(5, TimeUnit.SECONDS);
        assertEquals(acknowledged.get(), saved.document().getInt("coins"), "round " + delayNanos);
      } finally {
        threads.shutdownNow();
      }
    }
  }

  @Test
  void onlyOneWriterOfASessionAtATime() throws Exception {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.lockWrites();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      assertFalse(other.submit(() -> session.tryLockWrites()).get(5, TimeUnit.SECONDS));
      assertFalse(session.releaseToRetry(), "never while a write is in flight");
      session.beginRelease();
      assertFalse(session.releaseToRetry());
      session.unlockWrites();
      assertTrue(session.releaseToRetry(), "a release that ended without an outcome is retried");
    } finally {
      other.shutdownNow();
    }
  }
}
