package dev.datamanager.core.save;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A job takes only spare budget: never the half of the bucket autosaves and leaves may need, never into debt. */
class WriteBudgetTest {

  private static WriteBudget budget(int writesPerSecond) {
    WriteBudget budget = new WriteBudget();
    budget.writesPerSecond = writesPerSecond;
    budget.fill();
    return budget;
  }

  private static long millis(Runnable take) {
    long started = System.nanoTime();
    take.run();
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Test
  void aJobTakesAtOnceWhileMoreThanHalfTheBucketIsLeft() {
    WriteBudget budget = budget(1000);
    assertTrue(millis(() -> budget.take(3, WriteBudget.Priority.JOB)) < 50);
  }

  @Test
  void aJobWaitsUntilTheBucketIsHalfFullAgainAfterALeaveEmptiedIt() {
    WriteBudget budget = budget(100);
    budget.take(100, WriteBudget.Priority.LEAVE); // empty: half the bucket (50) is back after 0.5 s
    long waited = millis(() -> budget.take(3, WriteBudget.Priority.JOB));
    assertTrue(waited >= 450, "a job must not eat into the half kept for autosave: waited " + waited + " ms");
  }

  @Test
  void jobsAloneUseOnlyTheRateTheBucketRefills() {
    WriteBudget budget = budget(200);
    long started = System.nanoTime();
    int writes = 0;
    while (System.nanoTime() - started < 1_000_000_000L) {
      budget.take(10, WriteBudget.Priority.JOB);
      writes += 10;
    }
    // A full bucket (200) holds 100 spare, and 200 more refill within the second; never more.
    assertTrue(writes <= 320, "jobs took " + writes + " writes in one second of a 200/s budget");
  }
}
