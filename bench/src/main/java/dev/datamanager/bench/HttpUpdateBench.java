package dev.datamanager.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Benchmark 1: PATCH on held sessions against a trivial JAX-RS GET behind the same authentication on the same node,
 * all driven by wrk; the open trivial GET and the session GET are measured beside them.
 */
final class HttpUpdateBench {

  private static final int SESSIONS = 100;

  private HttpUpdateBench() {}

  /** One load and its figures, one per round. */
  private record Series(String name, Wrk.Load load, List<LoadFigures> rounds) {

    Series(String name, Wrk.Load load) {
      this(name, load, new ArrayList<>());
    }

    /** The round of the median rate. */
    LoadFigures median() {
      List<LoadFigures> sorted = new ArrayList<>(rounds);
      sorted.sort(Comparator.comparingDouble(LoadFigures::perSecond));
      return sorted.get(sorted.size() / 2);
    }

    String render() {
      return name + ": " + median().summary() + " (rounds " + rounds.stream()
          .map(r -> String.format(Locale.ROOT, "%,.0f", r.perSecond())).collect(Collectors.joining(", ")) + " req/s)";
    }
  }

  static Result run(BenchNode node, BenchMode mode, Path workDirectory) throws Exception {
    Wrk wrk = new Wrk(workDirectory);
    node.deployBaselines();
    LoadGenerator joins = new LoadGenerator(BenchMode.HTTP_THREADS);
    joins.count(SESSIONS, i -> node.join(BenchDatabase.key((int) i)));
    Series open = new Series("GET constant text, open", node.constantText(false));
    Series authenticated = new Series("GET constant text, authenticated (baseline)", node.constantText(true));
    Series getSession = new Series("GET session", node.sessionLoad("GET", SESSIONS));
    Series patch = new Series("PATCH (merge patch {\"coins\":n})", node.sessionLoad("PATCH", SESSIONS));
    Series minimal = new Series("PATCH with Prefer: return=minimal (204, no document)",
        node.sessionLoad("PATCH-MINIMAL", SESSIONS));
    // PATCH right after its baseline in every round: their ratio per round sees the same load on the machine.
    List<Series> all = List.of(open, getSession, minimal, authenticated, patch);
    Duration seconds = Duration.ofSeconds(mode.httpSeconds());
    for (Series s : all) {
      wrk.measure(seconds, s.load());
    }
    for (int round = 0; round < mode.httpRounds(); round++) {
      for (Series s : all) {
        s.rounds().add(wrk.measure(seconds, s.load()));
      }
    }
    joins.count(SESSIONS, i -> node.leave(BenchDatabase.key((int) i)));
    all.forEach(HttpUpdateBench::requireNoErrors);
    double baseline = authenticated.median().perSecond();
    return new Result("1. HTTP PATCH vs authenticated trivial GET", patch.median().perSecond(), baseline, "req/s",
        Target.ratioAtLeast(0.7), String.format(Locale.ROOT, "wrk -t%d -c%d, %d sessions; every load warmed up"
            + " for %d s, then measured %d × %d s, the loads taking turns; median round. %s. %s. %s. %s. %s. The"
            + " authenticated GET runs at %.2f× the open one (what authentication costs); the session GET at %.2f×,"
            + " PATCH at %.2f× (per round: %s) and PATCH without the document in its answer at %.2f× the"
            + " authenticated one (the line's figure is the plain PATCH).", Wrk.THREADS, Wrk.CONNECTIONS, SESSIONS,
            mode.httpSeconds(), mode.httpRounds(), mode.httpSeconds(), patch.render(), minimal.render(),
            getSession.render(), authenticated.render(), open.render(), baseline / open.median().perSecond(),
            getSession.median().perSecond() / baseline, patch.median().perSecond() / baseline,
            roundRatios(patch, authenticated), minimal.median().perSecond() / baseline));
  }

  private static String roundRatios(Series figure, Series baseline) {
    List<String> ratios = new ArrayList<>();
    for (int i = 0; i < figure.rounds().size(); i++) {
      ratios.add(String.format(Locale.ROOT, "%.2f",
          figure.rounds().get(i).perSecond() / baseline.rounds().get(i).perSecond()));
    }
    return String.join(", ", ratios);
  }

  /**
   * A load that answered anything but 2xx measured something else (a refusal is cheap): the line fails with an error
   * rather than flatter PATCH or its baseline.
   */
  private static void requireNoErrors(Series series) {
    for (LoadFigures round : series.rounds()) {
      if (round.errors() > 0 || round.requests() == 0) {
        throw new IllegalStateException("The load " + series.name() + " failed: " + series.render());
      }
    }
  }
}
