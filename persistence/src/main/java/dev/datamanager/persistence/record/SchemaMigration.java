package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import java.util.Optional;

/**
 * A store's document migrations as a join applies them, inside the join's locked transaction: the record is
 * migrated and taken in one commit (reason {@code migration}), or, if a step fails, neither.
 */
public interface SchemaMigration {

  /** No migrations: records are created and stay at schema version 0. */
  SchemaMigration NONE = new SchemaMigration() {
    @Override
    public int latest() {
      return 0;
    }

    @Override
    public Optional<Migrated> migrate(RecordKey key, String data, int schemaVersion) {
      return Optional.empty();
    }
  };

  /** The schema version a record created from the template starts at: the last step known. */
  int latest();

  /**
   * The document {@code data}, at {@code schemaVersion}, brought to {@link #latest()}; empty when it is there.
   * Anything it throws refuses the join: the transaction rolls back, no lock is taken and nothing is written.
   */
  Optional<Migrated> migrate(RecordKey key, String data, int schemaVersion);

  /** A migrated document: its text, its UTF-8 size and the schema version it reached. */
  record Migrated(String data, long bytes, int schemaVersion) {}
}
