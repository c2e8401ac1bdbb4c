package dev.datamanager.api.error;

import java.time.Duration;

/** Another node holds the record's lock with a live lease: the join must be retried later. */
public class SessionRefusedException extends DataManagerException {

  private final String owner;
  private final Duration retryAfter;

  public SessionRefusedException(String store, String key, String owner, Duration leaseAge, Duration retryAfter) {
    super("Node " + owner + " holds " + store + "/" + key + " (lease renewed " + leaseAge.toSeconds()
        + " s ago). Ask the player to rejoin; if that node is dead, its lock can be taken in "
        + retryAfter.toSeconds() + " s.", store, key);
    this.owner = owner;
    this.retryAfter = retryAfter;
  }

  public String owner() {
    return owner;
  }

  /** How long until the lease becomes stale and a join would take it over. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
