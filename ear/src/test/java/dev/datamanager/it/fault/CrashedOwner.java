package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Scenario 4: A is killed with SIGKILL while a client patches its session. B's joins are refused until the lease
 * is stale, then B steals it; the data is A's last autosave, which misses at most the last autosave interval.
 */
final class CrashedOwner {

  private CrashedOwner() {}

  static void run(FaultNode a, FaultNode b, LeaseSettings lease) {
    String key = "Crashed_1";
    assertEquals(200, a.join(key).status());
    long killedAt;
    List<Operation> sent;
    try (PatchStream client = PatchStream.start(a, key, "c-")) {
      // Long enough that updates older than the unsaved window exist, which must all survive the kill.
      FrozenOwner.sleep(lease.unsavedWindow().plusSeconds(3));
      killedAt = System.nanoTime();
      a.process.kill9();
      sent = client.log();
    }
    List<String> lastAutosave = Teleports.items(b.record(key));
    Answer refused = b.join(key);
    assertEquals(409, refused.status(), "the lease of a dead owner is refused until stale: " + refused);
    Answer stolen = awaitSteal(b, key, lease);
    double stolenAfter = (System.nanoTime() - killedAt) / 1e9;
    // The lease was renewed at most one interval plus a tick before the kill.
    double earliest = lease.stale().minus(lease.autosave()).minus(LeaseSettings.AUTOSAVE_TICK).toMillis() / 1e3;
    assertTrue(stolenAfter >= earliest, "stolen " + stolenAfter + " s after the kill, before the lease was stale");
    assertEquals(lastAutosave, Teleports.items(stolen), "B gets exactly A's last autosave");

    long boundNanos = lease.unsavedWindow().toNanos();
    List<String> mustSurvive = sent.stream()
        .filter(s -> s.status() == 200 && s.answeredNanos() < killedAt - boundNanos)
        .map(Operation::item).toList();
    assertTrue(mustSurvive.size() > 10, "A acknowledged patches well before the kill: " + sent.size());
    assertTrue(lastAutosave.containsAll(mustSurvive), "loss bounded by the autosave interval");
    long acknowledged = sent.stream().filter(s -> s.status() == 200).count();
    System.out.printf("Crashed owner: stolen %.1f s after kill -9 (stale %s); %d of %d acknowledged patches lost,"
        + " all from the last %d ms%n", stolenAfter, lease.stale(), acknowledged - lastAutosave.size(), acknowledged,
        boundNanos / 1_000_000);
    assertEquals(204, b.leave(key).status());
  }

  private static Answer awaitSteal(FaultNode b, String key, LeaseSettings lease) {
    long deadline = System.nanoTime() + lease.stale().plusSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Answer join = b.join(key);
      if (join.ok()) {
        return join;
      }
      assertEquals(409, join.status(), join::toString);
    }
    throw new AssertionError("B never stole " + key + " from the dead node");
  }
}
