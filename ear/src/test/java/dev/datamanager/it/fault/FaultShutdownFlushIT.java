package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7 (and issue 4's shutdown IT): a node holding 1 000 dirty sessions gets SIGTERM; all are saved and
 * released, read back as admin by another node on PostgreSQL and by the restarted node on the same Derby files.
 */
class FaultShutdownFlushIT {

  private static final int SESSIONS = 1_000;
  private static final int LANES = 8;
  private static final Pattern FLUSHED =
      Pattern.compile("Shutdown flush saved and released (\\d+) sessions in (\\d+) ms");

  @Test
  void sigtermSavesAndReleasesEveryDirtySession() {
    Map<String, String> postgres = new HashMap<>(
        TestPostgres.shared().freshNodeEnvironment("fault_flush"));
    postgres.putAll(LeaseSettings.NO_AUTOSAVE.environment());
    Map<String, String> derby = new HashMap<>(LeaseSettings.NO_AUTOSAVE.environment());
    derby.put("DERBY_DIR", Path.of("target", "nodes", "flush-derby-" + System.nanoTime()).toAbsolutePath().toString());

    Map<String, Map<String, String>> first = new LinkedHashMap<>();
    first.put("flush-pg", postgres);
    first.put("flush-derby", derby);
    try (Cluster flushing = Cluster.start(first)) {
      List.of("flush-pg", "flush-derby").forEach(id -> holdDirtySessions(flushing.node(id)));
      Together.run(List.of(stop(flushing.node("flush-pg")), stop(flushing.node("flush-derby"))),
          Duration.ofMinutes(2));
    }
    Map<String, Map<String, String>> second = new LinkedHashMap<>();
    second.put("reader-pg", postgres);
    second.put("flush-derby-again", derby);
    try (Cluster readers = Cluster.start(second)) {
      List.of("reader-pg", "flush-derby-again").forEach(id -> assertAllSavedAndReleased(readers.node(id)));
    }
  }

  private static void holdDirtySessions(FaultNode node) {
    inLanes(i -> {
      String key = "Flush_" + i;
      assertEquals(200, node.join(key).status(), key);
      assertEquals(200, node.append(key, "dirty-" + i).status(), key);
    });
    List<JsonValue> held = Json.createReader(new StringReader(node.sessions().body())).readArray();
    assertEquals(SESSIONS, held.size());
    assertTrue(held.stream().allMatch(s -> s.asJsonObject().getBoolean("dirty")), "every session is dirty");
  }

  /** SIGTERM, then the flush's own report from the node's log. */
  private static Callable<Void> stop(FaultNode node) {
    return () -> {
      long started = System.nanoTime();
      node.close();
      double stopped = (System.nanoTime() - started) / 1e9;
      Matcher flushed = node.process.logLines().stream().map(FLUSHED::matcher).filter(Matcher::find).findFirst()
          .orElseThrow(() -> new AssertionError(node.id() + " logged no flush:\n" + node.process.logTail()));
      System.out.printf("Shutdown flush on %s: saved and released %s of %d sessions in %s ms (process gone %.1f s"
          + " after SIGTERM)%n", node.id(), flushed.group(1), SESSIONS, flushed.group(2), stopped);
      assertEquals(SESSIONS, Integer.parseInt(flushed.group(1)), node.id());
      return null;
    };
  }

  private static void assertAllSavedAndReleased(FaultNode reader) {
    inLanes(i -> {
      Answer record = reader.record("Flush_" + i);
      assertEquals(200, record.status(), record::toString);
      assertEquals(null, record.owner(), "released: " + record);
      assertEquals(List.of("dirty-" + i), Teleports.items(record), "saved: " + record);
    });
  }

  /** Runs {@code work} for every session index, spread over {@link #LANES} threads. */
  private static void inLanes(Consumer<Integer> work) {
    List<Callable<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < LANES; lane++) {
      int first = lane;
      lanes.add(() -> {
        for (int i = first; i < SESSIONS; i += LANES) {
          work.accept(i);
        }
        return null;
      });
    }
    Together.run(lanes, Duration.ofMinutes(3));
  }
}
