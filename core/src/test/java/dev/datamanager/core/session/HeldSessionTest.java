package dev.datamanager.core.session;

import static dev.datamanager.core.JsonText.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeldSessionTest {

  /** The update every test uses: one more coin, so the coin count tells how many updates landed. */
  static JsonObject addCoin(JsonObject document) {
    return Json.createObjectBuilder(document).add("coins", document.getInt("coins") + 1).build();
  }

  @Test
  void anUpdateMakesTheSessionDirtyAndASaveOfThatStateMakesItClean() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 4, 9, false);
    assertFalse(session.isDirty());

    session.apply(HeldSessionTest::addCoin);
    assertTrue(session.isDirty());

    Snapshot snapshot = session.snapshot();
    assertEquals(1, snapshot.document().getInt("coins"));
    assertEquals(9, snapshot.generation());
    assertEquals(4, snapshot.version());

    assertFalse(session.markSaved(snapshot, 5));
    assertFalse(session.isDirty());
    assertEquals(5, session.version());
  }

  @Test
  void aSessionJoinedWithReconciledChangesStartsDirty() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 0, 1, true);

    assertTrue(session.isDirty());
    assertFalse(session.markSaved(session.snapshot(), 1));
  }

  @Test
  void aRefusedUpdateChangesNothing() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    JsonObject before = session.document();

    assertThrows(IllegalArgumentException.class, () -> session.apply(doc -> {
      throw new IllegalArgumentException("refused patch");
    }));

    assertSame(before, session.document());
    assertFalse(session.isDirty());
  }

  @Test
  void anUpdateThatLandsDuringASaveIsKeptAndLeavesTheSessionDirty() throws Exception {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.apply(HeldSessionTest::addCoin);
    CountDownLatch snapshotTaken = new CountDownLatch(1);
    CountDownLatch updateLanded = new CountDownLatch(1);

    // The saver thread plays the autosave: snapshot, then a slow "commit" during which the player acts.
    CompletableFuture<Snapshot> saver = CompletableFuture.supplyAsync(() -> {
      Snapshot snapshot = session.snapshot();
      snapshotTaken.countDown();
      await(updateLanded);
      session.markSaved(snapshot, 2);
      return snapshot;
    });
    assertTrue(snapshotTaken.await(5, TimeUnit.SECONDS));
    session.apply(HeldSessionTest::addCoin);
    updateLanded.countDown();
    Snapshot saved = saver.get(5, TimeUnit.SECONDS);

    assertEquals(1, saved.document().getInt("coins"), "the save wrote the state before the update");
    assertEquals(2, session.document().getInt("coins"), "the update is kept in RAM");
    assertTrue(session.isDirty(), "the update still needs saving");
    assertEquals(2, session.version());

    assertFalse(session.markSaved(session.snapshot(), 3));
  }

  @Test
  void aLateReportOfAnOlderSaveMovesNothingBack() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.apply(HeldSessionTest::addCoin);
    Snapshot older = session.snapshot();
    session.apply(HeldSessionTest::addCoin);
    Snapshot newer = session.snapshot();

    assertFalse(session.markSaved(newer, 3));
    assertFalse(session.markSaved(older, 2));

    assertFalse(session.isDirty());
    assertEquals(3, session.version());
  }

  @Test
  void aChangeIsRefusedWhenTheLeaseIsTooOldAtTheMomentItWouldBecomeReal() {
    long confirmedLongAgo = System.nanoTime() - java.time.Duration.ofSeconds(10).toNanos();
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false, new SessionLease(null, confirmedLongAgo));
    assertThrows(LeaseTooOld.class, () -> session.apply(HeldSessionTest::addCoin, java.time.Duration.ofSeconds(3)));
    assertEquals(0, session.document().getInt("coins"));
    assertFalse(session.isDirty());
    session.apply(HeldSessionTest::addCoin, java.time.Duration.ofSeconds(30));
    assertEquals(1, session.document().getInt("coins"));
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
