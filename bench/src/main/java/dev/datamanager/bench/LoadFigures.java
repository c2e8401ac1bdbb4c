package dev.datamanager.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one HTTP load measured.
 *
 * @param requests answers with a 2xx status
 * @param errors requests that failed: any other status, a socket error or a timeout
 */
record LoadFigures(long requests, long errors, double seconds, double p50Millis, double p99Millis,
    double p999Millis) {

  /** The figures of a load whose every answered request's latency was kept. */
  static LoadFigures ofSamples(long errors, double seconds, long[] latenciesNanos) {
    long[] sorted = latenciesNanos.clone();
    Arrays.sort(sorted);
    return new LoadFigures(sorted.length, errors, seconds, percentile(sorted, 50), percentile(sorted, 99),
        percentile(sorted, 99.9));
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  double perSecond() {
    return requests / seconds;
  }

  String summary() {
    return String.format(Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, %d errors",
        perSecond(), p50Millis, p99Millis, p999Millis, errors);
  }
}
