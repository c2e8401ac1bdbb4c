package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8: groups of clients share keys on three nodes and race appends against joins, saves, leaves, teleports
 * and handoffs while PostgreSQL restarts and nodes are stopped, frozen and killed; every stored record is then checked
 * against the whole history.
 */
class FaultRandomizedIT {

  private static final LeaseSettings LEASE = LeaseSettings.SHORT;
  private static final Duration RUN = Duration.ofSeconds(Long.getLong("it.fault.random.seconds", 40));
  private static final int GROUPS = 4;
  private static final int CLIENTS_PER_GROUP = 3;
  private static final int KEYS_PER_GROUP = 4;

  @Test
  void randomOperationsUnderFaultsLoseNoAcknowledgedUpdate() {
    try (TestPostgres postgres = TestPostgres.forOutages("postgres-random")) {
      Map<String, String> env = new HashMap<>(postgres.freshNodeEnvironment("random"));
      env.putAll(LEASE.environment());
      try (Cluster cluster = Cluster.start(env, "rand-a", "rand-b", "rand-c")) {
        List<FaultNode> nodes = List.of(cluster.node("rand-a"), cluster.node("rand-b"), cluster.node("rand-c"));
        FaultInjector injector = new FaultInjector(postgres, nodes, LEASE, RUN);
        ConcurrentLinkedQueue<Operation> log = new ConcurrentLinkedQueue<>();
        long seed = Long.getLong("it.fault.seed", System.nanoTime());
        List<String> keys = new ArrayList<>();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
          int group = g;
          List<String> shared = IntStream.range(0, KEYS_PER_GROUP).mapToObj(k -> "Random_" + group + "_" + k).toList();
          keys.addAll(shared);
          Map<String, RandomClient.Held> holders = new ConcurrentHashMap<>();
          for (int c = 0; c < CLIENTS_PER_GROUP; c++) {
            tasks.add(Executors.callable(new RandomClient("g" + g + "c" + c, nodes, injector.down, shared, holders,
                injector::running, log, seed + g * CLIENTS_PER_GROUP + c)));
          }
        }
        tasks.add(Executors.callable(injector));
        Together.run(tasks, RUN.plusMinutes(6)); // a cycle of faults started before the deadline runs to its end

        List<FaultNode> live = nodes.stream().filter(node -> !injector.down.contains(node)).toList();
        leaveEverything(live);
        Map<String, List<String>> stored = new HashMap<>();
        keys.forEach(key -> stored.put(key, storedItems(live.get(0), key)));
        List<Operation> history = List.copyOf(log);
        HistoryChecker.Verdict verdict = HistoryChecker.check(history, injector.faults, stored, LEASE.unsavedWindow());
        System.out.printf("Randomized run (seed %d): %d operations in %d s on %d keys shared by %d clients each"
            + " (answers: %s); faults: %s; %s; history in %s%n", seed, history.size(), RUN.toSeconds(), keys.size(),
            CLIENTS_PER_GROUP, history.stream().collect(Collectors.groupingBy(op -> op.kind() + " " + op.status(),
                TreeMap::new, Collectors.counting())), injector, verdict, writeHistory(history, injector.events));
        assertTrue(verdict.all().isEmpty(), verdict + "; the first violations:\n"
            + String.join("\n", verdict.all().subList(0, Math.min(20, verdict.all().size()))));
        assertTrue(verdict.acknowledged() > 100, "the run acknowledged enough to mean something: " + verdict);
        assertTrue(injector.faults.stream().anyMatch(f -> f.kind() == Fault.Kind.KILL)
            && injector.faults.stream().anyMatch(f -> f.kind() == Fault.Kind.FREEZE), injector::toString);
      }
    }
  }

  /** Leaves every session the live nodes still hold, so that everything they acknowledged is committed. */
  static void leaveEverything(List<FaultNode> live) {
    Await.until(Duration.ofSeconds(60), "the live nodes released every session", () -> {
      boolean none = true;
      for (FaultNode node : live) {
        Answer held = node.sessions();
        List<JsonValue> sessions = held.ok() ? Json.createReader(new StringReader(held.body())).readArray() : null;
        none &= sessions != null && sessions.isEmpty();
        if (sessions != null) {
          sessions.forEach(session -> node.leave(session.asJsonObject().getString("key")));
        }
      }
      return none;
    });
  }

  /** The run, one line per request or injected event, timed from the first request as the checker's messages are. */
  private static Path writeHistory(List<Operation> history, List<FaultInjector.Event> events) {
    long origin = history.stream().mapToLong(Operation::sentNanos).min().orElse(0);
    List<FaultInjector.Event> lines = new ArrayList<>(events.stream()
        .map(event -> new FaultInjector.Event(event.nanos(), "*** " + event.what())).toList());
    history.forEach(op -> lines.add(new FaultInjector.Event(op.sentNanos(), String.format(
        "%s %s %s %s -> %d in %.3f s, generation %d, version %d", op.node(), op.key(), op.kind(),
        op.item() == null ? "" : op.item(), op.status(), (op.answeredNanos() - op.sentNanos()) / 1e9, op.generation(),
        op.version()))));
    lines.sort(Comparator.comparingLong(FaultInjector.Event::nanos));
    Path file = Path.of("target", "fault-random-history.txt");
    try {
      Files.write(file, lines.stream()
          .map(line -> String.format("+%.3f %s", (line.nanos() - origin) / 1e9, line.what())).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static List<String> storedItems(FaultNode reader, String key) {
    Answer record = reader.record(key);
    assertTrue(record.ok() || record.status() == 404, key + ": " + record);
    return record.ok() ? Teleports.items(record) : List.of();
  }

  @Test
  void theCheckerFindsEachKindOfViolation() {
    List<Operation> history = List.of(
        op("n1", "K", "join", 200, 1, -1, null, 0.0, 0.1),
        op("n1", "K", "patch", 200, 1, -1, "kept", 0.2, 0.3),
        op("n1", "K", "patch", 200, 1, -1, "lost", 1.0, 1.1), // lost 1
        op("n1", "K", "patch", 409, 1, -1, "refused", 1.2, 1.3), // refused but stored
        op("n1", "K", "patch", Answer.NO_ANSWER, 1, -1, "unknown", 1.4, 1.5), // stored: allowed
        op("n1", "K", "patch", 200, 1, -1, "twice", 1.6, 1.7), // duplicated
        op("n2", "K", "join", 200, 1, -1, null, 2.0, 2.1), // fenced 1: generation 1 on two nodes
        op("n2", "K", "join", 200, 2, -1, null, 3.0, 3.1),
        op("n1", "K", "patch", 200, 1, -1, "stale", 3.2, 3.3), // fenced 2: sent after generation 2 was granted
        op("n2", "K", "save", 200, 2, 7, null, 3.4, 3.5),
        op("n2", "K", "save", 200, 2, 6, null, 3.6, 3.7), // fenced 3: version went back
        op("n3", "L", "join", 200, 1, -1, null, 10.0, 10.1),
        op("n3", "L", "patch", 200, 1, -1, "long-before-kill", 10.2, 10.3), // lost 2: saved long before the kill
        op("n3", "L", "patch", 200, 1, -1, "saved-before-kill", 18.0, 18.1), // lost 3: a save acknowledged it
        op("n3", "L", "save", 200, 1, 2, null, 18.2, 18.3),
        op("n3", "L", "patch", 200, 1, -1, "unsaved-at-kill", 19.0, 19.1), // excused 1
        op("n4", "M", "join", 200, 1, -1, null, 30.0, 30.1),
        op("n4", "M", "patch", 200, 1, -1, "frozen-not-stolen", 39.0, 39.1), // lost 4: nobody took M over
        op("n4", "N", "join", 200, 1, -1, null, 30.2, 30.3),
        op("n4", "N", "patch", 200, 1, -1, "frozen-and-stolen", 39.2, 39.3), // excused 2
        op("n1", "N", "join", 200, 2, -1, null, 46.0, 46.5),
        op("n4", "P", "join", 200, 1, -1, null, 30.4, 30.5),
        op("n4", "P", "patch", 200, 1, -1, "taken-before-the-stop", 40.01, 48.05), // excused 3: answered after CONT
        op("n4", "P", "patch", 200, 1, -1, "sent-to-a-stopped-node", 40.1, 48.1), // lost 5: accepted after the stop
        op("n1", "P", "join", 200, 2, -1, null, 46.0, 46.5));
    List<Fault> faults = List.of(new Fault("n3", Fault.Kind.KILL, nanos(20.0), nanos(20.2)),
        new Fault("n4", Fault.Kind.FREEZE, nanos(40.0), nanos(40.05), nanos(48.0)));
    Map<String, List<String>> stored = Map.of("K", List.of("kept", "refused", "unknown", "twice", "twice", "stale"),
        "L", List.of(), "M", List.of(), "N", List.of(), "P", List.of());
    HistoryChecker.Verdict verdict = HistoryChecker.check(history, faults, stored, Duration.ofMillis(2500));
    String all = verdict + "\n" + String.join("\n", verdict.all());
    assertEquals(5, verdict.lost().size(), all);
    assertEquals(1, verdict.duplicated().size(), all);
    assertEquals(3, verdict.fenced().size(), all);
    assertEquals(1, verdict.refusedStored().size(), all);
    assertEquals(3, verdict.excused(), all);
    assertEquals(11, verdict.acknowledged(), all);
  }

  private static Operation op(String node, String key, String kind, int status, long generation, long version,
      String item, double sent, double answered) {
    return new Operation(node, key, kind, status, generation, version, item, nanos(sent), nanos(answered));
  }

  private static long nanos(double seconds) {
    return (long) (seconds * 1e9);
  }
}
