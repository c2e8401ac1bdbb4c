package dev.datamanager.web.error;

/** How long a client should wait before retrying after a transient failure of this node. */
final class RetryAfter {

  /** Long enough for the database circuit breaker (5 s) to try again. */
  static final int SECONDS = 5;

  private RetryAfter() {}
}
