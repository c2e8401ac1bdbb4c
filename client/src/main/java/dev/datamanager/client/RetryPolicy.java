package dev.datamanager.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client repeats a call whose answer promises that repeating is safe: at most {@code maxAttempts} attempts,
 * waiting at most {@code maxTotalWait} in all. Each wait is the answer's {@code Retry-After}, else a backoff that
 * starts at {@code firstBackoff} and doubles up to {@code maxBackoff}.
 *
 * <p>Repeated: a join refused because another node holds the record ({@code 409 session-refused}); any {@code 503}
 * (nothing changed); a trade whose outcome is unknown ({@code 504}), always under the same Idempotency-Key, so the
 * repeat answers the first outcome or trades once. Nothing else, and no call that got no answer at all.
 */
public record RetryPolicy(int maxAttempts, Duration maxTotalWait, Duration firstBackoff, Duration maxBackoff) {

  /** Three attempts, ten seconds of waiting: a node's {@code 503} asks for five, so one repeat fits, maybe two. */
  public static final RetryPolicy DEFAULT = of(3, Duration.ofSeconds(10));

  /** One attempt: every problem is thrown at once. */
  public static final RetryPolicy NEVER = of(1, Duration.ZERO);

  public RetryPolicy {
    Objects.requireNonNull(maxTotalWait, "maxTotalWait");
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1 || maxTotalWait.isNegative() || firstBackoff.isNegative()
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("Need maxAttempts >= 1, no negative wait and firstBackoff <= maxBackoff: "
          + maxAttempts + ", " + maxTotalWait + ", " + firstBackoff + ", " + maxBackoff);
    }
  }

  /** A policy with a backoff of 0.5 s doubling up to 4 s, for answers without {@code Retry-After}. */
  public static RetryPolicy of(int maxAttempts, Duration maxTotalWait) {
    return new RetryPolicy(maxAttempts, maxTotalWait, Duration.ofMillis(500), Duration.ofSeconds(4));
  }

  /**
   * The wait before the next attempt, after attempt {@code attempt} (the first is 1) failed with {@code problem}
   * and the call already waited {@code waited}; empty to give up and throw the problem.
   */
  Optional<Duration> nextWait(int attempt, DataManagerProblem problem, Duration waited) {
    if (attempt >= maxAttempts || !repeatable(problem)) {
      return Optional.empty();
    }
    Duration wait = problem.retryAfter().orElseGet(() -> backoff(attempt));
    // Never sooner than Retry-After (the node said an earlier repeat fails too), so a longer wait than the policy
    // has left gives up at once: the caller hears it now rather than after waiting in vain.
    return wait.compareTo(maxTotalWait.minus(waited)) > 0 ? Optional.empty() : Optional.of(wait);
  }

  static boolean repeatable(DataManagerProblem problem) {
    return problem instanceof SessionRefused
        || problem instanceof Unavailable && problem.retryable()
        || problem instanceof TradeOutcomeUnknown unknown && unknown.idempotencyKey().isPresent();
  }

  private Duration backoff(int attempt) {
    Duration wait = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 16));
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
