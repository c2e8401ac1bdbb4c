package dev.datamanager.bench;

import java.time.Duration;
import java.util.List;

/** Benchmark 1: PATCH on held sessions against the node's cheapest GET, same generator, threads and connections. */
final class HttpUpdateBench {

  private static final int SESSIONS = 100;

  private HttpUpdateBench() {}

  static Result run(BenchNode node, BenchMode mode) throws Exception {
    LoadGenerator load = new LoadGenerator(BenchMode.HTTP_THREADS);
    Duration seconds = Duration.ofSeconds(mode.httpSeconds());
    load.count(SESSIONS, i -> node.join(key(i)));
    LoadFigures patch = load.run(seconds, seconds, i -> node.patch(key(i), "{\"coins\":" + i + "}"));
    LoadFigures getSession = load.run(seconds, seconds, i -> node.get(key(i)));
    LoadFigures live = load.run(seconds, seconds, i -> node.live());
    load.count(SESSIONS, i -> node.leave(key(i)));
    LoadFigures cheapest = List.of(getSession, live).stream()
        .max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
    return new Result("1. HTTP PATCH vs cheapest GET", patch.perSecond(), cheapest.perSecond(), "req/s",
        Target.ratioAtLeast(0.7), BenchMode.HTTP_THREADS + " threads/connections, " + SESSIONS + " sessions, "
            + mode.httpSeconds() + " s each after as long a warm-up. PATCH: " + patch.summary()
            + ". GET session: " + getSession.summary() + ". GET /health/live: " + live.summary()
            + ". Baseline = the faster GET.");
  }

  private static String key(long i) {
    return BenchDatabase.key((int) (i % SESSIONS));
  }
}
