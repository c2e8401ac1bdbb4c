package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static dev.datamanager.persistence.testing.Changes.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two nodes join the same key at the same instant, hundreds of times: exactly one wins every time. */
class AcquireRaceIT extends OnBothDatabases {

  static final int ROUNDS = 300;
  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);

  @Test
  void exactlyOneOfTwoSimultaneousJoinsWins() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    int[] wins = new int[2];
    long began = System.nanoTime();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        RecordKey key = new RecordKey("Race", "key-" + round);
        if (round % 2 == 1) { // odd rounds race on an existing free record, even ones on a missing record
          a.acquire(key, "node-a", PROCESS, RECENT, STALE, true, "{}");
          a.release(key, "node-a", 1, next(), null);
        }
        List<Callable<AcquireOutcome>> joins = List.of(
            () -> { start.await(); return a.acquire(key, "node-a", PROCESS, RECENT, STALE, true, "{}"); },
            () -> { start.await(); return b.acquire(key, "node-b", PROCESS, RECENT, STALE, true, "{}"); });
        List<Future<AcquireOutcome>> results = threads.invokeAll(joins, 30, TimeUnit.SECONDS);
        AcquireOutcome first = results.get(0).get();
        AcquireOutcome second = results.get(1).get();
        int winner = first instanceof Acquired ? 0 : 1;
        Acquired won = assertInstanceOf(Acquired.class, winner == 0 ? first : second, "round " + round);
        Refused lost = assertInstanceOf(Refused.class, winner == 0 ? second : first, "round " + round);
        assertEquals(winner == 0 ? "node-a" : "node-b", lost.owner(), "round " + round);
        assertEquals(round % 2 == 1 ? 2 : 1, won.generation(), "round " + round);
        wins[winner]++;
      }
    } finally {
      threads.shutdownNow();
    }
    System.out.printf("[%s] %d races, node-a won %d, node-b won %d, %d ms%n",
        kind, ROUNDS, wins[0], wins[1], (System.nanoTime() - began) / 1_000_000);
  }
}
