package dev.datamanager.it.fleet;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Round trips per operation and answers per operation and status, recorded by many threads at once. */
final class Latencies {

  private final Map<String, Samples> byOperation = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
  private final Samples lateness = new Samples();

  void record(String operation, int status, long nanos) {
    record(operation, status, null, nanos);
  }

  /** An answer, with the kind of problem it reported if any ({@code 503 lock-lost}). */
  void record(String operation, int status, String problem, long nanos) {
    byOperation.computeIfAbsent(operation, o -> new Samples()).add(nanos);
    String key = operation + " " + status + (problem == null ? "" : " " + problem);
    byStatus.computeIfAbsent(key, s -> new AtomicLong()).incrementAndGet();
  }

  /** How late an event started after the time it was scheduled for: the client keeping the offered rate. */
  void late(long nanos) {
    lateness.add(nanos);
  }

  Samples operation(String operation) {
    return byOperation.getOrDefault(operation, new Samples());
  }

  Map<String, Samples> operations() {
    return new TreeMap<>(byOperation);
  }

  Samples lateness() {
    return lateness;
  }

  /** Answers by {@code "<operation> <status> [<problem kind>]"}, {@code -1} for no answer. */
  Map<String, Long> statuses() {
    Map<String, Long> counts = new TreeMap<>();
    byStatus.forEach((key, count) -> counts.put(key, count.get()));
    return counts;
  }

  /** Answers that are neither 2xx nor an expected refusal of the kind a game client handles (404, 409). */
  long errors() {
    return statuses().entrySet().stream().filter(e -> {
      int status = Integer.parseInt(e.getKey().split(" ")[1]);
      return status < 200 || status >= 500;
    }).mapToLong(Map.Entry::getValue).sum();
  }

  /** A growing array of nanosecond samples. */
  static final class Samples {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    synchronized int count() {
      return size;
    }

    /** Nearest-rank percentile in milliseconds; 0 when there are no samples. */
    synchronized double percentileMillis(double p) {
      if (size == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * size);
      return sorted[Math.max(0, rank - 1)] / 1e6;
    }
  }
}
