package dev.datamanager.core.session;

import static dev.datamanager.core.JsonText.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HeldSessionConcurrencyTest {

  private static final int UPDATERS = 8;
  private static final int UPDATES_EACH = 2_000;

  @Test
  void updatesRacingRepeatedSavesAreAllKeptAndDirtyStateIsExact() throws Exception {
    HeldSession session = new HeldSession(object("{'coins':0}"), 0, 1, false);
    ExecutorService pool = Executors.newFixedThreadPool(UPDATERS + 1);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean updatersDone = new AtomicBoolean();
    try {
      List<Future<?>> updaters = new ArrayList<>();
      for (int i = 0; i < UPDATERS; i++) {
        updaters.add(pool.submit(() -> {
          HeldSessionTest.await(start);
          for (int n = 0; n < UPDATES_EACH; n++) {
            session.apply(HeldSessionTest::addCoin);
          }
        }));
      }
      Future<Snapshot> saver = pool.submit(() -> {
        HeldSessionTest.await(start);
        Snapshot last = null;
        long version = 0;
        while (!updatersDone.get()) {
          last = session.snapshot();
          // Each update adds one coin and one change, so a snapshot torn between them would show here.
          assertEquals(last.changeCount(), last.document().getInt("coins"));
          session.markSaved(last, ++version);
        }
        return last;
      });

      start.countDown();
      for (Future<?> updater : updaters) {
        updater.get(30, TimeUnit.SECONDS);
      }
      updatersDone.set(true);
      Snapshot lastSaved = saver.get(30, TimeUnit.SECONDS);

      Snapshot end = session.snapshot();
      assertEquals(UPDATERS * UPDATES_EACH, end.document().getInt("coins"));
      assertEquals(UPDATERS * UPDATES_EACH, end.changeCount());
      assertEquals(lastSaved == null || lastSaved.changeCount() != end.changeCount(), session.isDirty());
      assertFalse(session.markSaved(end, end.version() + 1));
      assertFalse(session.isDirty());
      assertTrue(session.version() >= 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
