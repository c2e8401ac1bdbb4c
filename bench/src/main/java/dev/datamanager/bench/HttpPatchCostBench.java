package dev.datamanager.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * Benchmark 6b: line 6 end to end over HTTP, a {@code {"coins":n}} merge patch answered {@code Prefer:
 * return=minimal}, on held documents of 1 MB against documents of 1 KB, same generator, threads and connections.
 */
final class HttpPatchCostBench {

  private static final int SESSIONS = BenchMode.HTTP_THREADS;
  private static final int SMALL = 1024;
  private static final int LARGE = 1_048_576;

  private HttpPatchCostBench() {}

  static Result run(BenchNode node, BenchMode mode) throws Exception {
    LoadGenerator load = new LoadGenerator(BenchMode.HTTP_THREADS);
    Duration seconds = Duration.ofSeconds(mode.httpSeconds());
    load.count(SESSIONS, i -> node.join(key(SMALL, i)));
    load.count(SESSIONS, i -> node.join(key(LARGE, i)));
    // The whole document as a merge patch: every member of the template is replaced by the document's.
    load.count(SESSIONS, i -> node.patch(key(SMALL, i), Documents.ofSize(SMALL, i)));
    load.count(SESSIONS, i -> node.patch(key(LARGE, i), Documents.ofSize(LARGE, i)));
    // Two rounds, sizes taking turns, the better of each: the first load of a size also warms the node up for it.
    LoadFigures small = null;
    LoadFigures large = null;
    for (int round = 0; round < 2; round++) {
      small = faster(small, load.run(seconds, seconds, i -> node.patchMinimal(key(SMALL, i), coins(i))));
      large = faster(large, load.run(seconds, seconds, i -> node.patchMinimal(key(LARGE, i), coins(i))));
    }
    load.count(SESSIONS, i -> node.leave(key(SMALL, i)));
    load.count(SESSIONS, i -> node.leave(key(LARGE, i)));
    return new Result("6b. Update cost over HTTP: 1 MB vs 1 KB document (PATCH, Prefer: return=minimal)",
        1e6 / large.perSecond(), 1e6 / small.perSecond(), "us/req", Target.ratioAtMost(2),
        String.format(Locale.ROOT, "%d threads/connections, %d sessions of each size, 2 rounds of %d s each after"
            + " as long a warm-up, the better of each size; figure = 1 s / throughput. 1 KB: %s. 1 MB: %s.", BenchMode.HTTP_THREADS, SESSIONS,
            mode.httpSeconds(), small.summary(), large.summary()));
  }

  private static LoadFigures faster(LoadFigures a, LoadFigures b) {
    return a == null || b.perSecond() > a.perSecond() ? b : a;
  }

  private static String coins(long i) {
    return "{\"coins\":" + i + "}";
  }

  private static String key(int bytes, long i) {
    return (bytes == SMALL ? "Small_" : "Large_") + (i % SESSIONS);
  }
}
