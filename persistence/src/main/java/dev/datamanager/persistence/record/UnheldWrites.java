package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.api.record.UnheldWriteOutcome;
import dev.datamanager.api.record.VersionNote;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An admin write of a record no live session holds, in one locked transaction: the record is taken like a join (a
 * new fencing generation, so a stale owner can never write after it), changed as a new version, and released.
 */
final class UnheldWrites {

  private final Transactions transactions;
  private final DatabaseClock clock;
  private final DocumentLimit limit;

  UnheldWrites(Transactions transactions, DatabaseClock clock, DocumentLimit limit) {
    this.transactions = transactions;
    this.clock = clock;
    this.limit = limit;
  }

  /**
   * Applies {@code change} (null: erase) if the record is free, held by this very process without a session (the
   * caller makes sure), or held under a stale lease and {@code steal} is allowed; otherwise refuses. A change that
   * throws rolls everything back; a change whose note's tag the record already carries writes nothing and answers
   * that earlier version.
   */
  UnheldWriteOutcome write(RecordKey key, String serverId, String incarnation, LeasePolicy policy, boolean steal,
      UnaryOperator<String> change, VersionNote note) {
    return rewrite(key, serverId, incarnation, policy, steal, change == null ? null
        : (data, schemaVersion) -> Optional.of(change.apply(data)).map(changed -> new SchemaMigration.Migrated(
            changed, limit.size(changed), schemaVersion)), note);
  }

  /**
   * As {@link #write}, with the document and its schema version rewritten by {@code migration}: a record it leaves
   * as it is (already at its latest step) is answered {@link UnheldWriteOutcome.Unchanged} and nothing is written.
   */
  UnheldWriteOutcome migrate(RecordKey key, String serverId, String incarnation, LeasePolicy policy, boolean steal,
      SchemaMigration migration, VersionNote note) {
    return rewrite(key, serverId, incarnation, policy, steal,
        (data, schemaVersion) -> migration.migrate(key, data, schemaVersion), note);
  }

  /** What an unheld write makes of the locked record's document; empty: nothing to write. */
  private interface Rewrite {
    Optional<SchemaMigration.Migrated> apply(String data, int schemaVersion);
  }

  private UnheldWriteOutcome rewrite(RecordKey key, String serverId, String incarnation, LeasePolicy policy,
      boolean steal, Rewrite change, VersionNote note) {
    return transactions.run(em -> {
      StoredRecord row = RowLocks.lock(em, key);
      if (row == null) {
        return new UnheldWriteOutcome.Missing(key);
      }
      Instant now = clock.now(em);
      Optional<Refused> refusal =
          policy.refusal(row, serverId, incarnation, steal, now, owner -> ProcessBeats.last(em, owner));
      if (refusal.isPresent()) {
        return refusal.get();
      }
      if (change == null) {
        RecordErasure.erase(em, row);
        return new UnheldWriteOutcome.Erased(key);
      }
      Optional<Long> earlier = note.tag() == null ? Optional.empty() : VersionTags.find(em, key, note.tag());
      if (earlier.isPresent()) {
        // This request (a job resumed after a crash, a retry) changed the record already: never twice.
        return new UnheldWriteOutcome.Written(key, earlier.get());
      }
      Optional<SchemaMigration.Migrated> changed = change.apply(row.data(), row.schemaVersion());
      if (changed.isEmpty()) {
        return new UnheldWriteOutcome.Unchanged(key, row.version());
      }
      return write(em, row, changed.get(), serverId, incarnation, note, now);
    });
  }

  private UnheldWriteOutcome write(EntityManager em, StoredRecord row, SchemaMigration.Migrated changed,
      String serverId, String incarnation, VersionNote note, Instant now) {
    limit.check(changed.data());
    row.take(serverId, incarnation, now);
    row.migratedTo(changed.schemaVersion());
    RecordWrites.write(em, row, changed.data(), row.generation(), 1, note, changed.bytes(), now);
    row.release(1);
    return new UnheldWriteOutcome.Written(row.recordKey(), row.version());
  }
}
