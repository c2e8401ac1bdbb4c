package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scenario 6: PostgreSQL stops for 20 s while two nodes take updates, then starts again. The nodes stay up,
 * readiness goes DOWN and back UP, and every update acknowledged during the outage is in the database afterwards.
 * Leases are long here on purpose: with a short {@code lock.recent} the nodes would rightly refuse updates (503).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultDatabaseOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(20);
  private static final Duration PACE = Duration.ofMillis(200);
  private static final int KEYS_PER_NODE = 5;
  private static final String REJOIN = "Rejoin_1";

  private TestPostgres postgres;
  private Cluster cluster;

  @BeforeAll
  void start() {
    postgres = TestPostgres.forOutages("postgres-outage");
    Map<String, String> env = new HashMap<>(postgres.freshNodeEnvironment("outage"));
    env.putAll(LeaseSettings.LONG.environment());
    cluster = Cluster.start(env, "outage-a", "outage-b");
  }

  @AfterAll
  void stop() {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      postgres.close();
    }
  }

  @Test
  void everyUpdateAcknowledgedDuringTheOutageIsSavedAfterIt() {
    List<FaultNode> nodes = List.of(cluster.node("outage-a"), cluster.node("outage-b"));
    Map<String, FaultNode> holders = new HashMap<>();
    for (FaultNode node : nodes) {
      for (int i = 0; i < KEYS_PER_NODE; i++) {
        String key = "Outage_" + node.id() + "_" + i;
        assertEquals(200, node.join(key).status());
        holders.put(key, node);
      }
    }
    Map<String, List<String>> acknowledged = new HashMap<>();
    holders.keySet().forEach(key -> acknowledged.put(key, new ArrayList<>()));
    patchFor(Duration.ofSeconds(2), holders, acknowledged, new HashSet<>(), "before");
    int before = count(acknowledged);

    FaultNode leaver = nodes.get(0);
    assertEquals(200, leaver.join(REJOIN).status());
    assertEquals(200, leaver.append(REJOIN, "before-leave").status());

    postgres.stop();
    Set<String> sawDown = new HashSet<>();
    try {
      assertEquals(503, leaver.leave(REJOIN).status(), "the leave cannot reach the database");
      assertEquals(409, leaver.append(REJOIN, "refused").status(), "a session being released takes no update");
      patchFor(OUTAGE, holders, acknowledged, sawDown, "during");
    } finally {
      postgres.restart();
    }
    int during = count(acknowledged) - before;
    assertEquals(Set.of("outage-a", "outage-b"), sawDown, "readiness went DOWN on every node");
    assertTrue(during > 0, "updates were acknowledged from RAM during the outage");
    Duration recovered = Await.until(Duration.ofSeconds(60), "readiness back UP on every node",
        () -> nodes.stream().allMatch(node -> node.ready().status() == 200));
    nodes.forEach(node -> assertTrue(node.process.isAlive(), node.id() + " stayed up"));
    rejoinCallsTheFailedLeaveOff(leaver);

    holders.forEach((key, node) -> {
      Await.until(Duration.ofSeconds(60), "save of " + key, () -> node.save(key).ok());
      assertEquals(204, node.leave(key).status());
      List<String> items = Teleports.items(nodes.get(0).record(key));
      assertEquals(acknowledged.get(key), items, key + ": every acknowledged update, once, in order");
    });
    System.out.printf("Database outage: %d s down; %d updates acknowledged before, %d during, all saved;"
        + " ready again %.1f s after the restart%n", OUTAGE.toSeconds(), before, during, recovered.toMillis() / 1e3);
  }

  /**
   * The player comes back to the node whose leave failed: the rejoin settles the leave and the session is held
   * for real — its lease is renewed and an update is kept — rather than dropped later by the retried leave.
   */
  private static void rejoinCallsTheFailedLeaveOff(FaultNode node) {
    AtomicReference<Answer> join = new AtomicReference<>();
    Await.until(Duration.ofSeconds(30), "the rejoin", () -> {
      join.set(node.join(REJOIN));
      return join.get().ok();
    });
    Answer rejoined = join.get();
    assertEquals(List.of("before-leave"), Teleports.items(rejoined), rejoined::toString);
    assertEquals(200, node.append(REJOIN, "after-rejoin").status());
    String renewedAt = rejoined.json().getJsonObject("lock").getString("leaseRenewedAt");
    Await.until(Duration.ofSeconds(15), "autosave renews the rejoined session's lease", () -> {
      Answer held = node.session(REJOIN);
      return held.ok() && !held.json().getJsonObject("lock").getString("leaseRenewedAt").equals(renewedAt);
    });
    assertEquals(200, node.session(REJOIN).status(), "still held");
    assertEquals(204, node.leave(REJOIN).status());
    assertEquals(List.of("before-leave", "after-rejoin"), Teleports.items(node.record(REJOIN)));
  }

  /** Appends one item to every session every {@link #PACE}; keeps the acknowledged ones; notes nodes not ready. */
  private static void patchFor(Duration period, Map<String, FaultNode> holders, Map<String, List<String>> acknowledged,
      Set<String> notReady, String phase) {
    long deadline = System.nanoTime() + period.toNanos();
    for (int round = 0; System.nanoTime() < deadline; round++) {
      for (Map.Entry<String, FaultNode> holder : holders.entrySet()) {
        String item = phase + "-" + round;
        Answer answer = holder.getValue().append(holder.getKey(), item);
        assertTrue(answer.ok() || answer.status() == 503, holder.getKey() + ": " + answer);
        if (answer.ok()) {
          acknowledged.get(holder.getKey()).add(item);
        }
      }
      holders.values().stream().distinct().filter(node -> node.ready().status() != 200)
          .forEach(node -> notReady.add(node.id()));
      FrozenOwner.sleep(PACE);
    }
  }

  private static int count(Map<String, List<String>> acknowledged) {
    return acknowledged.values().stream().mapToInt(List::size).sum();
  }
}
