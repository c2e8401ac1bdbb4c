package dev.datamanager.it.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.fault.Answer;
import dev.datamanager.it.fault.Cluster;
import dev.datamanager.it.fault.FaultNode;
import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fleet simulation (issue 13): simulated players on three nodes and one PostgreSQL join, update, teleport,
 * receive gifts, trade and leave while every node in turn is stopped with SIGTERM and started again; at the end no
 * acknowledged update may be lost. Prints and writes {@code target/fleet-report.md}. Short mode by default,
 * {@code -Dit.fleet.mode=full} for 30 000 players and the step-up phase.
 */
class FleetSimulationIT {

  private static final String STORE = FaultNode.STORE;
  private static final Pattern FLUSHED = Pattern.compile("Shutdown flush (saved and released \\d+ sessions in \\d+ ms"
      + "|could not save \\d+ of \\d+ sessions)");

  @Test
  void aFleetThroughARollingRestartLosesNoAcknowledgedUpdate() {
    FleetSettings settings = FleetSettings.fromSystemProperties();
    assertTimeoutPreemptively(settings.hardLimit(), () -> run(settings),
        "the fleet run did not end within " + settings.hardLimit());
  }

  private static void run(FleetSettings settings) throws Exception {
    long began = System.nanoTime();
    FleetReport report = new FleetReport();
    report.line("# Fleet simulation, %s mode", settings.mode()).line("")
        .line("%s; %d cores, load average %.2f at the start; %d players (pairs that trade), each updating once per"
            + " %d s on average (%.0f updates/s offered), a gift per player per %d s, %d client threads; nodes:"
            + " autosave %s, lock recent %s, stale %s.", Instant.now(), Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), settings.players(),
            settings.updateEvery().toSeconds(), settings.updatesPerSecond(), settings.giftEvery().toSeconds(),
            settings.threads(), FleetSettings.LEASE.autosave(), FleetSettings.LEASE.recent(),
            FleetSettings.LEASE.stale());
    try (Cluster cluster = Cluster.onFreshDatabase("fleet", FleetSettings.LEASE, "fleet-a", "fleet-b", "fleet-c")) {
      List<FaultNode> nodes = List.of(cluster.node("fleet-a"), cluster.node("fleet-b"), cluster.node("fleet-c"));
      report.line("").line("Three nodes started in %.1f s.", (System.nanoTime() - began) / 1e9);
      Fleet fleet = new Fleet(nodes, settings);
      try (Connection database = TestPostgres.shared().connect(nodes.get(0).databaseName());
          NodeSampler sampler = new NodeSampler(nodes, fleet)) {
        List<PlayerPair> pairs = new ArrayList<>();
        for (int i = 0; i < settings.players() / 2; i++) {
          PlayerPair pair = new PlayerPair(fleet, i, nodes.get(i % nodes.size()));
          pairs.add(pair);
          pair.start();
        }
        double giftsPerSecond = settings.players() / (double) settings.giftEvery().toSeconds();
        int mailers = (int) Math.max(1, Math.ceil(giftsPerSecond / 20));
        for (int m = 0; m < mailers; m++) {
          fleet.schedule(new Mailer(fleet, 1000.0 * mailers / giftsPerSecond), 1000.0 * mailers / giftsPerSecond);
        }
        DatabaseStats.Snapshot before = DatabaseStats.snapshot(database);
        long runStarted = System.nanoTime();
        sleep(settings.ramp().plus(settings.steady()));

        report.heading("Rolling restart (SIGTERM, shutdown flush, start again), one node at a time");
        for (FaultNode node : nodes.subList(0, Math.min(settings.restarts(), nodes.size()))) {
          fleet.down.add(node);
          long stopping = System.nanoTime();
          node.close();
          double stopped = (System.nanoTime() - stopping) / 1e9;
          String flushed = node.process().logLines().stream().map(FLUSHED::matcher).filter(Matcher::find)
              .map(Matcher::group).findFirst().orElse("no flush logged");
          long starting = System.nanoTime();
          node.restart();
          fleet.down.remove(node);
          report.line("- %s: process gone %.1f s after SIGTERM (%s); started again in %.1f s", node.id(), stopped,
              flushed, (System.nanoTime() - starting) / 1e9);
        }
        sleep(settings.tail());
        double runSeconds = (System.nanoTime() - runStarted) / 1e9;
        DatabaseStats.Snapshot after = DatabaseStats.snapshot(database);
        Latencies main = fleet.nextPhase();

        report.heading(String.format("Whole run: %.0f s, ramp, steady state, rolling restart and tail", runSeconds))
            .operations(main, runSeconds).statuses(main).line("")
            .line("Database rows/s (pg_stat_user_tables); committed transactions/s under (commits):").line("")
            .database(after.ratesSince(before)).line("").line("Nodes (/metrics, every 3 s while up):").line("")
            .nodes(sampler.samples());

        if (settings.stepUp()) {
          stepUp(settings, fleet, database, report);
        }

        fleet.stop();
        assertTrue(fleet.clients.awaitTermination(2, TimeUnit.MINUTES), "the clients' events ended");
        fleet.nextPhase();
        report.heading("Zero-loss check");
        leaveEverything(nodes);
        StoredState stored = StoredState.read(database, STORE);
        ZeroLoss.Verdict verdict = ZeroLoss.check(fleet.ledger, stored);
        report.line("Every player left; every record read from the database. %s.", verdict);
        verdict.all().stream().limit(20).forEach(violation -> report.line("- %s", violation));
        report.line("").lag(DatabaseStats.autosaveLag(database, STORE, fleet.ledger));
        report.line("").line("Whole IT, node starts included: %.0f s wall.", (System.nanoTime() - began) / 1e9);
        System.out.println(report);
        System.out.println("Fleet report written to " + report.write());

        assertTrue(verdict.passed(), verdict + "; the first violations:\n"
            + String.join("\n", verdict.all().subList(0, Math.min(20, verdict.all().size()))));
        assertEquals(0, fleet.unexpected.get(), "client errors (see the log)");
        long updates = main.operation("update").count();
        assertTrue(updates > settings.players(), "the run sent enough updates to mean something: " + updates);
      }
    }
  }

  /**
   * Raises the offered rate step by step, from a tenth of the main run's, until an update's p99 reaches
   * {@link FleetSettings#STEP_P99}, errors pass 1 % or the client falls behind its schedule; reports the highest
   * rate sustained.
   */
  private static void stepUp(FleetSettings settings, Fleet fleet, Connection database, FleetReport report)
      throws SQLException {
    report.heading("Step-up: the highest update rate sustained at p99 < " + FleetSettings.STEP_P99.toMillis()
        + " ms");
    report.line("| rate × | offered updates/s | updates/s | update p50 ms | update p99 ms | errors | client late p99 ms"
        + " | DB commits/s | sustained |");
    report.line("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    double best = 0;
    // The main run's backlog (events scheduled at its rate, late on a loaded machine) drains before the first step.
    fleet.rate(settings.stepRates().get(0));
    sleep(settings.step());
    for (double rate : settings.stepRates()) {
      fleet.rate(rate);
      fleet.nextPhase();
      DatabaseStats.Snapshot before = DatabaseStats.snapshot(database);
      long started = System.nanoTime();
      sleep(settings.step());
      double seconds = (System.nanoTime() - started) / 1e9;
      Latencies step = fleet.nextPhase();
      double commits = DatabaseStats.snapshot(database).ratesSince(before).get("(commits)")[0];
      Latencies.Samples updates = step.operation("update");
      long answers = step.statuses().values().stream().mapToLong(Long::longValue).sum();
      boolean sustained = updates.percentileMillis(99) < FleetSettings.STEP_P99.toMillis()
          && step.errors() <= answers / 100 && step.lateness().percentileMillis(99) < 1000;
      report.line("| %.1f | %.0f | %.0f | %.1f | %.1f | %d | %.0f | %.0f | %s |", rate,
          settings.updatesPerSecond() * rate, updates.count() / seconds, updates.percentileMillis(50),
          updates.percentileMillis(99), step.errors(), step.lateness().percentileMillis(99), commits,
          sustained ? "yes" : "no");
      if (!sustained) {
        break;
      }
      best = updates.count() / seconds;
    }
    report.line("").line("Highest update rate sustained: %.0f updates/s.", best);
    fleet.rate(1.0);
  }

  /** Leaves every session the nodes still hold, so that everything they acknowledged is committed and released. */
  private static void leaveEverything(List<FaultNode> nodes) {
    ExecutorService leavers = Executors.newFixedThreadPool(16);
    try {
      Await.until(Duration.ofMinutes(3), "the nodes released every session", () -> {
        boolean none = true;
        List<Future<?>> leaving = new ArrayList<>();
        for (FaultNode node : nodes) {
          Answer held = node.sessions();
          JsonArray sessions = held.ok() ? Json.createReader(new StringReader(held.body())).readArray() : null;
          none &= sessions != null && sessions.isEmpty();
          if (sessions != null) {
            for (JsonValue session : sessions) {
              leaving.add(leavers.submit(() -> node.leave(session.asJsonObject().getString("key"))));
            }
          }
        }
        for (Future<?> leave : leaving) {
          try {
            leave.get();
          } catch (Exception e) {
            throw new IllegalStateException("a final leave failed", e);
          }
        }
        return none;
      });
    } finally {
      leavers.shutdownNow();
    }
  }

  @Test
  void theZeroLossCheckPassesAConsistentEnd() {
    Ledger ledger = checkedLedger();
    ZeroLoss.Verdict verdict = ZeroLoss.check(ledger, new StoredState(
        Map.of("A", 3L, "B", 1L),
        Map.of("A", List.of("A-i0", "B-i0"), "B", List.of("A-i1", "B-i1")),
        Map.of("A", List.of("g1"), "B", List.of()),
        Map.of("B", List.of("g2"))));
    assertTrue(verdict.passed(), verdict::toString);
    assertEquals(2, verdict.updatesChecked());
  }

  @Test
  void theZeroLossCheckFindsEachViolation() {
    Ledger ledger = checkedLedger();
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
  void theZeroLossCheckAllowsAnUpdateSentButNotAcknowledged() {
    Ledger ledger = checkedLedger();
    ledger.sent("B", 2); // no answer
    ZeroLoss.Verdict verdict = ZeroLoss.check(ledger, new StoredState(Map.of("A", 2L, "B", 2L),
        Map.of("A", List.of("A-i0", "A-i1", "B-i0", "B-i1")), Map.of("A", List.of("g1")),
        Map.of("B", List.of("g2"))));
    assertTrue(verdict.passed(), verdict::toString);
  }

  /** A acknowledged updates 1 and 2 and sent 3; B acknowledged 1; both got their items; g1 acked to A, g2 sent to B. */
  private static Ledger checkedLedger() {
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the fleet run was interrupted", e);
    }
  }
}
