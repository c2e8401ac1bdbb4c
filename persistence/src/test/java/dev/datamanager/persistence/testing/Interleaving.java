package dev.datamanager.persistence.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A fixed two-step schedule in the style of PostgreSQL's isolation tests: the first operation runs
 * up to its commit and holds it open with its row locks taken; the second starts and is seen waiting
 * for a lock; then the first commits and the second finishes.
 */
public final class Interleaving {

  /** What each step returned, the SQL the second step was blocked in, and how long it was blocked. */
  public record Outcomes<F, S>(F first, S second, List<String> blockedSql, long secondMillis) {}

  private Interleaving() {}

  public static <F, S> Outcomes<F, S> firstHoldsThenSecond(
      FreshDatabase db, Node first, Callable<F> firstStep, Callable<S> secondStep, long holdMillis)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CommitGate gate = first.dataSource().holdNextCommit();
      Future<F> firstResult = threads.submit(firstStep);
      gate.awaitReached();
      long start = System.nanoTime();
      Future<S> secondResult = threads.submit(secondStep);
      List<String> blocked = db.awaitBlocked(1);
      Thread.sleep(holdMillis);
      assertFalse(secondResult.isDone(), "the second step must wait for the first step's row lock");
      gate.open();
      F firstOutcome = firstResult.get(30, TimeUnit.SECONDS);
      S secondOutcome = secondResult.get(30, TimeUnit.SECONDS);
      return new Outcomes<>(firstOutcome, secondOutcome, blocked, (System.nanoTime() - start) / 1_000_000);
    } finally {
      threads.shutdownNow();
    }
  }
}
