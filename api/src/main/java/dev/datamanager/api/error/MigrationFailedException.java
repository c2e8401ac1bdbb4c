package dev.datamanager.api.error;

/** A migration step failed on this record (not on a {@code test}): the join is refused and the record untouched. */
public class MigrationFailedException extends DataManagerException {

  public MigrationFailedException(String store, String key, String step, int operation, String cause) {
    super("Migration step " + step + " of store " + store + " failed on record " + key + " at operation "
        + operation + " (" + cause + "). The record was not joined and nothing changed: fix the record with a"
        + " lock-safe edit, or the step (a `test` operation skips a step for records it does not fit).", store, key);
  }

  /** The migrated document would be over the size limit. */
  public MigrationFailedException(String store, String key, long bytes, long maxBytes) {
    super("The record " + store + "/" + key + " migrated to its store's latest schema version would be " + bytes
        + " bytes of UTF-8 JSON, over the limit of " + maxBytes + " (datamanager.document.max-bytes). The record was"
        + " not joined and nothing changed.", store, key);
  }
}
