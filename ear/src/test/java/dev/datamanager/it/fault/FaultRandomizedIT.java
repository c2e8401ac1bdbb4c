package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8: random clients join, patch, save, leave, teleport and steal across three nodes for a bounded time,
 * while one node is frozen past the stale threshold and another is killed; the whole log is then checked.
 */
class FaultRandomizedIT {

  private static final LeaseSettings LEASE = LeaseSettings.SHORT;
  private static final Duration RUN = Duration.ofSeconds(Long.getLong("it.fault.random.seconds", 60));
  private static final int CLIENTS = 6;
  private static final int KEYS_PER_CLIENT = 5;

  @Test
  void randomOperationsUnderFaultsKeepEveryAcknowledgedSave() {
    Map<String, String> env = new HashMap<>(TestPostgres.nodeEnvironment(TestPostgres.createDatabase("fault_random")));
    env.putAll(LEASE.environment());
    try (Cluster cluster = Cluster.start(env, "rand-a", "rand-b", "rand-c")) {
      List<FaultNode> nodes = List.of(cluster.node("rand-a"), cluster.node("rand-b"), cluster.node("rand-c"));
      Set<FaultNode> dead = ConcurrentHashMap.newKeySet();
      ConcurrentLinkedQueue<Operation> log = new ConcurrentLinkedQueue<>();
      long seed = Long.getLong("it.fault.seed", System.nanoTime());
      long deadline = System.nanoTime() + RUN.toNanos();
      List<Callable<Void>> tasks = new ArrayList<>();
      AtomicLong sequence = new AtomicLong();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        List<String> keys = IntStream.range(0, KEYS_PER_CLIENT).mapToObj(k -> "Random_" + client + "_" + k).toList();
        RandomClient randomClient = new RandomClient("c" + c, nodes, dead, keys, deadline, log, sequence, seed + c);
        tasks.add(() -> {
          randomClient.run();
          return null;
        });
      }
      tasks.add(() -> {
        injectFaults(nodes.get(1), nodes.get(2), dead);
        return null;
      });
      Together.run(tasks, RUN.plusMinutes(2));

      Map<String, List<String>> finalItems = new HashMap<>();
      log.stream().map(Operation::key).distinct()
          .forEach(key -> finalItems.put(key, Teleports.items(nodes.get(0).record(key))));
      List<Operation> history = List.copyOf(log);
      List<String> violations = HistoryChecker.check(history, finalItems);
      long acknowledged = history.stream().filter(Operation::acknowledged).count();
      long durable = history.stream().filter(op -> op.acknowledged()
          && (op.kind().equals("save") || op.kind().equals("leave"))).count();
      System.out.printf("Randomized run (seed %d): %d operations in %d s, %d acknowledged (%d saves and leaves),"
          + " %d keys; faults: 1 SIGSTOP of %s for %s, 1 kill -9 of %s; violations: %d%n", seed, history.size(),
          RUN.toSeconds(), acknowledged, durable, finalItems.size(), nodes.get(1).id(), frozenFor(),
          nodes.get(2).id(), violations.size());
      assertTrue(violations.isEmpty(), String.join("\n", violations));
      assertTrue(durable > 50, "the run saved enough to mean something: " + durable);
      assertEquals(Set.of(nodes.get(2)), dead);
    }
  }

  @Test
  void theCheckerFindsEachKindOfViolation() {
    List<Operation> history = List.of(
        new Operation(1, "n1", "K", "join", 200, 1, -1, List.of()),
        new Operation(2, "n2", "K", "join", 200, 1, -1, List.of()),
        new Operation(3, "n3", "K", "patch", 200, 1, -1, List.of("x")),
        new Operation(4, "n1", "K", "save", 200, 1, 5, List.of("x")),
        new Operation(5, "n1", "K", "save", 200, 1, 5, List.of("x", "y")),
        new Operation(6, "n1", "K", "patch", 503, 1, -1, List.of("z")));
    List<String> violations = HistoryChecker.check(history, Map.of("K", List.of("x", "z", "z")));
    assertEquals(6, violations.size(), String.join("\n", violations));
  }

  /** A third of the way in, freezes one node past the stale threshold; two thirds in, kills another. */
  private static void injectFaults(FaultNode frozen, FaultNode killed, Set<FaultNode> dead) {
    FrozenOwner.sleep(RUN.dividedBy(3));
    frozen.process.suspend();
    try {
      FrozenOwner.sleep(frozenFor());
    } finally {
      frozen.process.resume();
    }
    FrozenOwner.sleep(RUN.dividedBy(3).minus(frozenFor()));
    dead.add(killed);
    killed.process.kill9();
  }

  private static Duration frozenFor() {
    return LEASE.stale().plusSeconds(2);
  }
}
