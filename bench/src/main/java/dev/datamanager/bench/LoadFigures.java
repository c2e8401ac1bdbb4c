package dev.datamanager.bench;

import java.util.Arrays;
import java.util.Locale;

/** What one HTTP load measured: requests per second and latency percentiles, from every answered request. */
record LoadFigures(long requests, long errors, double seconds, long[] latenciesNanos) {

  double perSecond() {
    return requests / seconds;
  }

  double percentileMillis(double p) {
    if (latenciesNanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  String summary() {
    return String.format(Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors", perSecond(),
        percentileMillis(50), percentileMillis(99), errors);
  }
}
