package dev.datamanager.core.session;

import static dev.datamanager.core.JsonText.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.message.MessageView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inbox of a held session: a consume and its patch are one change, and no poll, however stale its read, brings
 * back a message consumed here whose removal a commit has not saved, nor one a commit removed after the read.
 */
class HeldSessionInboxTest {

  private static MessageView message(String id) {
    return new MessageView(id, Instant.parse("2026-11-25T20:00:00Z"), object("{'gift':'" + id + "'}"));
  }

  private static List<String> ids(HeldSession session) {
    return session.messages().stream().map(MessageView::id).toList();
  }

  @Test
  void aConsumeAppliesItsPatchAndMovesTheMessageToTheNextSnapshotInOneChange() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    assertEquals(2, session.deliver(session.inboxEpoch(), List.of(message("a"), message("b"))));

    assertTrue(session.consume("a", HeldSessionTest::addCoin, null));
    Snapshot snapshot = session.snapshot();
    assertEquals(1, snapshot.document().getInt("coins"));
    assertEquals(1, snapshot.changeCount());
    assertEquals(List.of("a"), snapshot.consumedMessages());
    assertEquals(List.of("b"), ids(session));
    assertFalse(session.consume("a", HeldSessionTest::addCoin, null), "not pending any more");
    assertEquals(1, session.document().getInt("coins"));
  }

  @Test
  void aRefusedPatchLeavesTheMessagePendingAndNothingChanged() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.deliver(session.inboxEpoch(), List.of(message("a")));

    assertThrows(IllegalStateException.class, () -> session.consume("a", document -> {
      throw new IllegalStateException("refused patch");
    }, null));
    assertEquals(List.of("a"), ids(session));
    assertEquals(List.of(), session.snapshot().consumedMessages());
    assertFalse(session.isDirty());
  }

  @Test
  void aPollNeverBringsBackAMessageConsumedHereAndNotYetCommitted() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.deliver(session.inboxEpoch(), List.of(message("a")));
    session.consume("a", HeldSessionTest::addCoin, null);

    // The database still holds "a" until the commit deletes it.
    assertEquals(1, session.deliver(session.inboxEpoch(), List.of(message("a"), message("b"))), "only b is new");
    assertEquals(List.of("b"), ids(session));
    assertEquals(List.of("a"), session.snapshot().consumedMessages(), "the next save still deletes it");
  }

  @Test
  void aPollReadBeforeACommitThatDeletedConsumesIsNotApplied() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.deliver(session.inboxEpoch(), List.of(message("a")));
    session.consume("a", HeldSessionTest::addCoin, null);
    long pollSaw = session.inboxEpoch();
    Snapshot saved = session.snapshot();

    session.markSaved(saved, 2); // the commit deleted "a" and leaves the consumed list
    assertEquals(List.of(), session.snapshot().consumedMessages());
    assertEquals(0, session.deliver(pollSaw, List.of(message("a"))), "a read from before that commit is stale");
    assertEquals(List.of(), ids(session));
    assertEquals(1, session.deliver(session.inboxEpoch(), List.of(message("c"))));
    assertEquals(List.of("c"), ids(session));
  }

  @Test
  void onlyTheConsumesOfTheCommittedSnapshotLeaveTheList() {
    HeldSession session = new HeldSession(object("{'coins':0}"), 1, 1, false);
    session.deliver(session.inboxEpoch(), List.of(message("a"), message("b")));
    session.consume("a", HeldSessionTest::addCoin, null);
    Snapshot first = session.snapshot();
    session.consume("b", HeldSessionTest::addCoin, null);

    assertTrue(session.markSaved(first, 2), "b's consume is not saved yet");
    assertEquals(List.of("b"), session.snapshot().consumedMessages());
  }
}
