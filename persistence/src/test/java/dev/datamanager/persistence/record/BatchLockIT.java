package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static dev.datamanager.persistence.testing.Changes.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.CommitOutcome;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches locked in one query per store and chunk keep every fence and report outcomes in request order. */
class BatchLockIT extends OnBothDatabases {

  @Test
  void mixedBatchAcrossStoresKeepsEachFence() {
    RecordKey mine = new RecordKey("PlayerData", "P_2");
    RecordKey otherStore = new RecordKey("Guilds", "G_1");
    RecordKey theirs = new RecordKey("PlayerData", "P_1");
    RecordKey missing = new RecordKey("PlayerData", "P_0");
    long g1 = generation(a.acquire(mine, "node-a", PROCESS, LeaseRulesIT.RECENT, LeaseRulesIT.STALE, true, "{}"));
    long g2 = generation(a.acquire(otherStore, "node-a", PROCESS, LeaseRulesIT.RECENT, LeaseRulesIT.STALE, true, "{}"));
    long g3 = generation(b.acquire(theirs, "node-b", PROCESS, LeaseRulesIT.RECENT, LeaseRulesIT.STALE, true, "{}"));
    List<CommitOutcome> outcomes = a.commitBatch(List.of(
        new CommitRequest(mine, "node-a", g1, next(), "{\"n\":1}"),
        new CommitRequest(theirs, "node-a", g3, next(), "{\"n\":2}"),
        new CommitRequest(missing, "node-a", 1, next(), "{\"n\":3}"),
        new CommitRequest(otherStore, "node-a", g2, next(), "{\"n\":4}")));
    assertEquals(mine, assertInstanceOf(Committed.class, outcomes.get(0)).key());
    assertEquals("node-b", assertInstanceOf(LockLost.class, outcomes.get(1)).currentOwner());
    assertEquals(missing, assertInstanceOf(LockLost.class, outcomes.get(2)).key());
    assertEquals(otherStore, assertInstanceOf(Committed.class, outcomes.get(3)).key());
    assertEquals("{}", b.read(theirs).orElseThrow().data(), "a lost fence writes nothing");
    assertEquals("{\"n\":4}", b.read(otherStore).orElseThrow().data());
  }

  @Test
  void batchLargerThanOneLockingQueryCommitsEveryRow() {
    List<CommitRequest> requests = new ArrayList<>();
    for (int i = 0; i < 1_100; i++) {
      RecordKey key = new RecordKey("PlayerData", "K_" + i);
      long generation = generation(a.acquire(key, "node-a", PROCESS, LeaseRulesIT.RECENT, LeaseRulesIT.STALE, true, "{}"));
      requests.add(new CommitRequest(key, "node-a", generation, next(), "{\"i\":" + i + "}"));
    }
    List<CommitOutcome> outcomes = a.commitBatch(requests);
    for (int i = 0; i < requests.size(); i++) {
      assertEquals(requests.get(i).key(), assertInstanceOf(Committed.class, outcomes.get(i)).key());
    }
    assertEquals("{\"i\":1099}", b.read(new RecordKey("PlayerData", "K_1099")).orElseThrow().data());
  }

  private static long generation(Object outcome) {
    return assertInstanceOf(Acquired.class, outcome).generation();
  }
}
