package dev.datamanager.api.error;

import java.time.Duration;

/**
 * This node has not been able to renew the session's lease for too long: another node may take the record over
 * any moment, so the node acknowledges no further update until a renewal succeeds.
 */
public class LeaseUnsafeException extends DataManagerException {

  public LeaseUnsafeException(String store, String key, Duration sinceRenewed) {
    super("The lease on " + store + "/" + key + " was last renewed " + sinceRenewed.toSeconds()
        + " s ago (the database is not answering), so this update cannot be guaranteed. Retry shortly;"
        + " the data held so far is kept and saved when the database is back.", store, key);
  }
}
