package dev.datamanager.api.error;

/**
 * The database failed while committing a trade, so it may or may not have happened. Its sessions refuse changes until
 * the node has read the outcome from the rows; repeating the trade with the same Idempotency-Key then answers it.
 */
public class TradeOutcomeUnknownException extends DataManagerException {

  public TradeOutcomeUnknownException(String store, Throwable cause) {
    super("The database failed while committing the trade in " + store + ", so whether it happened is not known yet."
        + " Its sessions refuse changes until this node has read the outcome from the database. Send the same"
        + " request with the same Idempotency-Key again to learn it; never assume either way.", cause, store, null);
  }
}
