package dev.datamanager.it.node;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for what a timer does in the background. */
public final class Await {

  private Await() {}

  /** Polls every 100 ms until {@code condition} holds; fails after {@code timeout}. */
  public static Duration until(Duration timeout, String what, BooleanSupplier condition) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
