package dev.datamanager.client;

import java.util.Optional;

/**
 * {@code 504 trade-outcome-unknown}: whether the trade committed is not known. Its sessions refuse changes until the
 * node has read the outcome; send the same trade again with {@link #idempotencyKey()} to learn it.
 */
public class TradeOutcomeUnknown extends DataManagerProblem {

  private static final long serialVersionUID = 1L;

  private final String idempotencyKey;

  TradeOutcomeUnknown(Problem problem) {
    super(problem);
    this.idempotencyKey = problem.idempotencyKey();
  }

  /** The Idempotency-Key the trade was sent with; a repeat with it answers the first outcome or trades once. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }
}
