package dev.datamanager.core.session;

import static dev.datamanager.core.JsonText.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.core.json.CompactJson;
import dev.datamanager.core.patch.DocumentPatcher;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.patch.SizedDocument;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
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
  void theDocumentIsHeldCompactAndAPatchReplacesOnlyWhatItTouches() {
    JsonObject joined = object("{'coins':0,'inventory':{'items':[{'id':'a','count':2}],'capacity':20}}");
    HeldSession session = new HeldSession(joined, 1, 1, false);
    JsonObject held = session.document();
    assertEquals(joined, held);
    assertTrue(CompactJson.isCompact(held) && CompactJson.isCompact(held.get("inventory")), held.getClass().getName());

    DocumentPatcher patcher = new DocumentPatcher(1 << 20);
    session.patch(current -> patcher.apply(current, JsonValue.EMPTY_JSON_OBJECT, PatchFormat.MERGE_PATCH,
        object("{'coins':5}")), null);

    assertEquals(5, session.document().getInt("coins"));
    assertSame(held.get("inventory"), session.document().get("inventory"), "the untouched subtree is shared");
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

  @Test
  void aPatchIsGivenTheSizeThePreviousPatchAnsweredAndAnyOtherChangeForgetsIt() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    List<Long> given = new ArrayList<>();

    session.patch(current -> {
      given.add(current.bytes());
      return new SizedDocument(object("{'coins':1}"), 10);
    }, null);
    session.touch();
    session.patch(current -> {
      given.add(current.bytes());
      return current;
    }, null);
    session.apply(HeldSessionTest::addCoin);
    session.patch(current -> {
      given.add(current.bytes());
      return current;
    }, null);

    assertEquals(List.of(SizedDocument.UNKNOWN, 10L, SizedDocument.UNKNOWN), given);
    assertEquals(2, session.document().getInt("coins"));
  }

  @Test
  void aRefusedPatchKeepsDocumentSizeAndCount() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.patch(current -> new SizedDocument(current.json(), 10), null);

    assertThrows(IllegalStateException.class, () -> session.patch(current -> {
      throw new IllegalStateException("refused");
    }, null));
    List<Long> given = new ArrayList<>();
    session.patch(current -> {
      given.add(current.bytes());
      return current;
    }, null);

    assertEquals(List.of(10L), given);
    assertEquals(2, session.snapshot().changeCount());
  }
}
