package dev.datamanager.persistence.record;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** A join's load-and-lock: creates, takes, steals or refuses a record in one locked transaction. */
final class LockAcquisition {

  /** SQLSTATE of a unique violation on both Derby and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int ATTEMPTS = 3;

  private final Transactions transactions;
  private final DatabaseClock clock;

  LockAcquisition(Transactions transactions, DatabaseClock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Two nodes creating the same missing record race on the primary key; the loser retries in a
   * fresh transaction, finds the winner's row and is refused like any other late joiner.
   */
  AcquireOutcome acquire(RecordKey key, String serverId, String incarnation, LeasePolicy policy, boolean steal,
      String initialData, SchemaMigration migration) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.run(em -> attempt(em, key, serverId, incarnation, policy, steal, initialData, migration));
      } catch (PersistenceException e) {
        if (attempt == ATTEMPTS || !isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  private AcquireOutcome attempt(EntityManager em, RecordKey key, String serverId, String incarnation,
      LeasePolicy policy, boolean steal, String initialData, SchemaMigration migration) {
    LockedJoin locked = LockedJoin.lock(em, clock, key);
    StoredRecord row = locked.row();
    Instant now = locked.now();
    if (row == null) {
      row = StoredRecord.create(key, initialData, migration.latest(), now);
      row.take(serverId, incarnation, now);
      locked.insert(row, RecordVersion.of(row, VersionNote.of(SaveReason.CREATE, serverId),
          DocumentSize.utf8Length(initialData), now));
      return acquired(row, true, null, false);
    }
    Optional<Refused> refusal =
        policy.refusal(row, serverId, incarnation, steal, now, owner -> ProcessBeats.last(em, owner));
    if (refusal.isPresent()) {
      return refusal.get();
    }
    // Before anything is written: a step that fails throws, and the join takes nothing.
    Optional<SchemaMigration.Migrated> migrated = migration.migrate(key, row.data(), row.schemaVersion());
    String previousOwner = row.owner();
    boolean stolen = previousOwner != null && !row.isHeldByProcess(serverId, incarnation);
    row.take(serverId, incarnation, now);
    if (migrated.isPresent()) {
      SchemaMigration.Migrated document = migrated.get();
      row.write(document.data(), row.generation(), 0, now);
      row.migratedTo(document.schemaVersion());
      locked.writeTaken(RecordVersion.of(row, VersionNote.of(SaveReason.MIGRATION, serverId), document.bytes(), now));
    } else {
      locked.writeTaken();
    }
    return acquired(row, false, previousOwner, stolen);
  }

  private static Acquired acquired(StoredRecord row, boolean created, String previousOwner, boolean stolen) {
    return new Acquired(row.recordKey(), row.data(), row.version(), row.generation(), created, stolen,
        previousOwner, row.leaseRenewedAt(), row.userIds(), row.schemaVersion());
  }

  private static boolean isUniqueViolation(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
