package dev.datamanager.bench;

import dev.datamanager.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs every benchmark on the embedded PostgreSQL and prints one table; exits non-zero only on an error. */
public final class BenchSuite {

  /** One benchmark step; it adds its lines to the results. */
  @FunctionalInterface
  private interface Step {
    List<Result> run() throws Exception;
  }

  private final BenchMode mode;
  private final Set<String> only;
  private final List<Result> results = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  private BenchSuite(BenchMode mode, Set<String> only) {
    this.mode = mode;
    this.only = only;
  }

  public static void main(String[] args) throws Exception {
    BenchMode mode = BenchMode.of(System.getProperty("bench.mode", "short"));
    long start = System.nanoTime();
    BenchSuite suite = new BenchSuite(mode, selection(System.getProperty("bench.only", "")));
    suite.runAll();
    String table = ResultTable.render(suite.results, String.format(Locale.ROOT,
        "DataManager benchmarks, %s mode, %d cores, Java %s, PostgreSQL %s; %.0f s", mode.name(),
        Runtime.getRuntime().availableProcessors(), Runtime.version(), postgresVersion(),
        (System.nanoTime() - start) / 1e9));
    System.out.println("\n" + table);
    Files.writeString(Path.of(System.getProperty("bench.report", "target/bench-results.md")), table);
    suite.errors.forEach(e -> System.out.println("ERROR " + e));
    System.exit(suite.errors.isEmpty() ? 0 : 1);
  }

  private void runAll() throws Exception {
    step("6", () -> List.of(PatchCostBench.run(mode)));
    step("7", () -> List.of(MemoryBench.run(mode)));
    try (BenchDatabase db = new BenchDatabase("bench_repo")) {
      step("3", () -> AutosaveBench.run(db, mode));
      step("4", () -> List.of(JoinBench.run(db, mode), FirstJoinBench.run(db, mode)));
      step("5", () -> List.of(ShutdownFlushBench.run(db, mode)));
      if (!selected("1") && !selected("2") && !selected("6") && !selected("8")) {
        return;
      }
      try (BenchNode node = new BenchNode("bench-node", mode.autosaveInterval())) {
        // First on the node: its job runs over every record of the store, and the other lines' records lack the
        // member it moves (a move from a missing member fails the record).
        step("8", () -> List.of(BulkJobBench.run(node, db, mode)));
        step("6", () -> List.of(HttpPatchCostBench.run(node, mode)));
        step("1", () -> List.of(HttpUpdateBench.run(node, mode, Path.of("target", "wrk"))));
        step("2", () -> WriteAmplificationBench.run(node, db, mode));
      }
    }
  }

  /** The benchmarks named in {@code -Dbench.only=3,4} (comma-separated); empty runs them all. */
  private static Set<String> selection(String names) {
    return Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
  }

  private boolean selected(String name) {
    return only.isEmpty() || only.contains(name);
  }

  private void step(String name, Step step) {
    if (!selected(name)) {
      return;
    }
    long start = System.nanoTime();
    try {
      results.addAll(step.run());
    } catch (Exception | Error e) {
      e.printStackTrace();
      errors.add("benchmark " + name + ": " + e);
    }
    System.out.printf(Locale.ROOT, "benchmark %s done in %s%n", name,
        Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
  }

  private static String postgresVersion() {
    try (var c = TestPostgres.shared().connect("postgres");
        var rs = c.createStatement().executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    } catch (Exception e) {
      return "unknown";
    }
  }
}
