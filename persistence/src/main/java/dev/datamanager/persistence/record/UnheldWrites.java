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
      return write(em, row, change.apply(row.data()), serverId, incarnation, note, now);
    });
  }

  private UnheldWriteOutcome write(EntityManager em, StoredRecord row, String data, String serverId,
      String incarnation, VersionNote note, Instant now) {
    limit.check(data);
    row.take(serverId, incarnation, now);
    RecordWrites.write(em, row, data, row.generation(), 1, note, limit.size(data), now);
    row.release(1);
    return new UnheldWriteOutcome.Written(row.recordKey(), row.version());
  }
}
