package dev.datamanager.it.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The zero-loss check finds each kind of loss and duplication, and passes a history without any. */
class ZeroLossTest {

  @Test
  void aConsistentEndPasses() {
    Ledger ledger = ledger();
    ZeroLoss.Verdict verdict = ZeroLoss.check(ledger, new StoredState(
        Map.of("A", 3L, "B", 1L),
        Map.of("A", List.of("A-i0", "B-i0"), "B", List.of("A-i1", "B-i1")),
        Map.of("A", List.of("g1"), "B", List.of()),
        Map.of("B", List.of("g2"))));
    assertTrue(verdict.passed(), verdict::toString);
    assertEquals(2, verdict.updatesChecked());
  }

  @Test
  void eachViolationIsFound() {
    Ledger ledger = ledger();
    ledger.joined("B", "n2", 0); // a join answered an older update than the one acknowledged
    ZeroLoss.Verdict verdict = ZeroLoss.check(ledger, new StoredState(
        Map.of("A", 1L), // A's update 2 was acknowledged; B has no seq at all
        Map.of("A", List.of("A-i0", "A-i0", "X"), "B", List.of("B-i0")), // A-i1, B-i1 gone; A-i0 twice; X unknown
        Map.of("A", List.of(), "B", List.of("g2", "g2")), // g1 acked but missing; g2 twice, while still pending
        Map.of("B", List.of("g2"))));
    String all = verdict + "\n" + String.join("\n", verdict.all());
    assertEquals(3, verdict.lostUpdates().size(), all); // the join behind, A below 2, B missing
    assertEquals(2, verdict.lostGifts().size(), all); // g1's ack, and g1's send: neither applied nor pending
    assertEquals(2, verdict.duplicatedGifts().size(), all); // twice, and applied while pending
    assertEquals(4, verdict.itemsNotConserved().size(), all); // A-i1 and B-i1 lost, A-i0 twice, X unknown
  }

  @Test
  void anUpdateSentButNotAcknowledgedMayBeStored() {
    Ledger ledger = ledger();
    ledger.sent("B", 2); // no answer
    ZeroLoss.Verdict verdict = ZeroLoss.check(ledger, new StoredState(Map.of("A", 2L, "B", 2L),
        Map.of("A", List.of("A-i0", "A-i1", "B-i0", "B-i1")), Map.of("A", List.of("g1")),
        Map.of("B", List.of("g2"))));
    assertTrue(verdict.passed(), verdict::toString);
  }

  /** A acknowledged updates 1 and 2 and sent 3; B acknowledged 1; both got their items; g1 acked to A, g2 sent to B. */
  private static Ledger ledger() {
    Ledger ledger = new Ledger();
    ledger.itemsSent("A", List.of("A-i0", "A-i1"));
    ledger.itemsAcknowledged("A", List.of("A-i0", "A-i1"));
    ledger.itemsSent("B", List.of("B-i0", "B-i1"));
    ledger.itemsAcknowledged("B", List.of("B-i0", "B-i1"));
    for (long seq = 1; seq <= 3; seq++) {
      ledger.sent("A", seq);
    }
    ledger.acknowledged("A", 1, 1_000);
    ledger.acknowledged("A", 2, 2_000);
    ledger.sent("B", 1);
    ledger.acknowledged("B", 1, 1_500);
    ledger.giftSent("A", "g1");
    ledger.giftStored("A", "g1");
    ledger.giftAcked("A", "g1");
    ledger.giftSent("B", "g2");
    ledger.giftStored("B", "g2");
    return ledger;
  }
}
