package dev.datamanager.bench;

import java.time.Duration;

/**
 * The sizes of one run: {@code short} finishes in seconds for CI, {@code full} uses the sizes of issue 7.
 *
 * @param httpSeconds measured seconds per HTTP load (after as long a warm-up)
 * @param httpRounds how many times each HTTP load is measured, the loads taking turns
 * @param updates and {@code sessions}: the write-amplification load (100 updates per session in both modes)
 * @param writeThroughSample how many of those updates the write-through baseline really commits
 * @param heldSessions sessions built for the heap figure, which is scaled to 100 000
 * @param jobRecords records of about 1 KB a bulk patch job changes (line 8), and autosave rows of its baseline
 */
public record BenchMode(String name, int httpSeconds, int httpRounds, int updates, int sessions, int writeThroughSample,
    int autosaveRows, int autosaveRounds, int joins, int flushSessions, int heldSessions, boolean jmhFork,
    Duration autosaveInterval, int jobRecords) {

  static final int HTTP_THREADS = 8;
  static final int DB_THREADS = 4;

  static BenchMode of(String name) {
    return switch (name) {
      case "short" -> new BenchMode(name, 3, 3, 5_000, 50, 1_000, 4_000, 3, 1_000, 5_000, 20_000, false,
          Duration.ofSeconds(15), 2_000);
      case "full" -> new BenchMode(name, 20, 5, 1_000_000, 10_000, 20_000, 10_000, 3, 10_000, 50_000, 100_000, true,
          Duration.ofMinutes(10), 10_000);
      default -> throw new IllegalArgumentException("bench.mode must be short or full, not " + name);
    };
  }
}
