package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Scenario 3: join on B while A holds the session, alive, with an update it has not saved. B must get the record
 * through handoff with that update; the join's duration is the handoff time.
 */
final class Handoffs {

  private static final int LANES = 4;

  private Handoffs() {}

  /** Runs {@code runs} handoffs in {@link #LANES} concurrent lanes; prints p50/p99 of the handoff time. */
  static void run(FaultNode a, FaultNode b, int runs) {
    List<Callable<long[]>> lanes = new ArrayList<>();
    for (int lane = 0; lane < LANES; lane++) {
      int first = lane;
      lanes.add(() -> lane(a, b, first, runs));
    }
    long[] nanos = Together.run(lanes, Duration.ofMinutes(3)).stream()
        .flatMapToLong(Arrays::stream).sorted().toArray();
    assertEquals(runs, nanos.length);
    System.out.printf("Handoff: %d runs (%d lanes), p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 < 1000 ms)%n",
        runs, LANES, percentile(nanos, 50), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6);
  }

  private static long[] lane(FaultNode a, FaultNode b, int first, int runs) {
    List<Long> took = new ArrayList<>();
    for (int i = first; i < runs; i += LANES) {
      String key = "Handoff_" + i;
      String unsaved = "unsaved-" + i;
      assertEquals(200, a.join(key).status());
      assertEquals(200, a.append(key, unsaved).status());
      Answer joined = b.join(key);
      assertEquals(200, joined.status(), key + ": " + joined);
      assertEquals(b.id(), joined.owner());
      assertTrue(Teleports.items(joined).contains(unsaved), key + " carries A's unsaved update: " + joined);
      assertEquals(409, a.session(key).status(), key + ": A handed it off");
      assertEquals(204, b.leave(key).status());
      took.add(joined.nanos());
    }
    return took.stream().mapToLong(Long::longValue).toArray();
  }

  /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  static double percentile(long[] sortedNanos, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / 1e6;
  }
}
