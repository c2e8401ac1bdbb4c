package dev.datamanager.core.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This node's view of one session's lease: when the database last confirmed it (by this node's monotonic clock),
 * the lease time the database stamped, and the backoff after failed writes.
 */
public class SessionLease {

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private volatile long confirmedNanos;
  private volatile Instant renewedAt;
  private volatile long retryNotBeforeNanos;
  private volatile int failures;

  public SessionLease(Instant renewedAt) {
    this(renewedAt, System.nanoTime());
  }

  /** A lease the database granted in a call sent at {@code sentNanos}. */
  public SessionLease(Instant renewedAt, long sentNanos) {
    confirm(renewedAt, sentNanos);
  }

  /**
   * The database accepted a write or renewal of this lease at {@code renewedAt} (database clock), in a call sent at
   * {@code sentNanos}. The lease is dated from the sending, not the answer: the database stamped it somewhere in
   * between, so this node never believes its lease younger than it is.
   */
  public void confirm(Instant renewedAt, long sentNanos) {
    this.renewedAt = renewedAt;
    this.confirmedNanos = sentNanos;
    this.failures = 0;
    this.retryNotBeforeNanos = 0;
  }



  /** A write failed or was refused: wait exponentially longer, with jitter so nodes do not retry in lockstep. */
  public void failed() {
    int attempt = Math.min(++failures, 16);
    long backoff = Math.min(MAX_BACKOFF.toNanos(), FIRST_BACKOFF.toNanos() << (attempt - 1));
    long jitter = ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
    retryNotBeforeNanos = System.nanoTime() + backoff / 2 + jitter;
  }

  /** How long ago the database last confirmed the lease, by this node's monotonic clock. */
  /** When the lease was last confirmed, on {@link System#nanoTime()}'s scale: a fixed value to sort by. */
  public long confirmedNanos() {
    return confirmedNanos;
  }

  public Duration sinceConfirmed() {
    return Duration.ofNanos(System.nanoTime() - confirmedNanos);
  }

  public boolean mayRetryNow() {
    return System.nanoTime() - retryNotBeforeNanos >= 0;
  }

  public Instant renewedAt() {
    return renewedAt;
  }

  public int failures() {
    return failures;
  }
}
