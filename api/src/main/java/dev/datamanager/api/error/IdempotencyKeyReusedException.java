package dev.datamanager.api.error;

/** The same Idempotency-Key came back within its 24 hours with a different request: nothing was done. */
public class IdempotencyKeyReusedException extends DataManagerException {

  public IdempotencyKeyReusedException(String key) {
    super("The Idempotency-Key '" + key + "' was used for a different request in the last 24 hours; nothing was"
        + " started. Repeat the first request unchanged, or send this one with a new key.");
  }
}
