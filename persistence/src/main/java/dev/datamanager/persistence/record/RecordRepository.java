package dev.datamanager.persistence.record;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.CommitOutcome;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.DocumentRefused;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.record.ReleaseOutcome;
import dev.datamanager.api.record.Released;
import dev.datamanager.api.record.Renewal;
import dev.datamanager.api.record.UnheldWriteOutcome;
import dev.datamanager.api.record.VersionNote;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Session-locked loads and fenced writes of records; every public method is exactly one database
 * transaction with the rows it touches locked by {@code PESSIMISTIC_WRITE}.
 *
 * <p>A write is applied only if its writer still owns the record with its generation, and the writes of one session
 * only in the order of its change numbers; a record whose document is over the limit is refused on its own, never
 * failing the rest of its batch. A row lock not obtained in time, or an unreachable database, raises a
 * {@code PersistenceException} and writes nothing; a failure during the commit itself raises
 * {@link CommitUnknownException}. Either way the caller keeps its data and writes again.
 */
public class RecordRepository {

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();
  private final LockAcquisition acquisition;
  private final DocumentLimit limit;

  public RecordRepository(EntityManagerFactory emf) {
    this(emf, DocumentLimit.DEFAULT_MAX_BYTES);
  }

  public RecordRepository(EntityManagerFactory emf, long maxDocumentBytes) {
    this.transactions = new Transactions(emf, clock);
    this.acquisition = new LockAcquisition(transactions, clock);
    this.limit = new DocumentLimit(maxDocumentBytes);
  }

  /**
   * Loads and locks a record for a session of process {@code incarnation} of {@code serverId}, creating it from
   * {@code initialData} when missing. A stale lease is taken over only with {@code steal}.
   */
  public AcquireOutcome acquire(RecordKey key, String serverId, String incarnation, Duration recent, Duration stale,
      boolean steal, String initialData) {
    return acquire(key, serverId, incarnation, recent, stale, steal, initialData, SchemaMigration.NONE);
  }

  /**
   * As {@link #acquire(RecordKey, String, String, Duration, Duration, boolean, String)}, bringing the record to the
   * end of its store's {@code migration} in the same transaction (a new version, reason {@code migration}); a new
   * record starts at the migration's latest schema version. A migration that throws takes and writes nothing.
   */
  public AcquireOutcome acquire(RecordKey key, String serverId, String incarnation, Duration recent, Duration stale,
      boolean steal, String initialData, SchemaMigration migration) {
    limit.check(initialData);
    return acquisition.acquire(key, serverId, incarnation, new LeasePolicy(recent, stale), steal, initialData,
        migration);
  }

  /** Writes one session's data and renews its lease, if the fence holds; see {@link #commitBatch}. */
  public CommitOutcome commit(RecordKey key, String serverId, long generation, long change, String data) {
    return commitBatch(List.of(new CommitRequest(key, serverId, generation, change, data))).get(0);
  }

  /**
   * Commits many records in one transaction; each is fenced on its own, outcomes in request order. A request whose
   * change is not newer than the one stored writes nothing and reports the stored one (its own earlier commit, or a
   * newer snapshot of the same session).
   */
  public List<CommitOutcome> commitBatch(List<CommitRequest> requests) {
    return fencedBatch(requests, (em, batch, row, request) -> {
      Optional<DocumentRefused> refused = writeIfNewer(em, batch, row, request);
      if (refused.isPresent()) {
        return refused.get();
      }
      row.renewLease(batch.now());
      return new Committed(request.key(), row.version(), row.leaseRenewedAt(), row.savedChange(request.generation()));
    }, (row, request) -> RowLocks.lost(request.key(), row));
  }

  /** Renews the leases {@code serverId} still holds with the claimed generations; reports the rest as lost. */
  public Renewal renew(String serverId, List<LeaseClaim> claims) {
    return transactions.run(em -> {
      Map<RecordKey, StoredRecord> rows = RowLocks.lockAll(em, claims.stream().map(LeaseClaim::key).toList(),
          clock.locksRowsInQueryOrder(em));
      Instant now = clock.now(em);
      Set<RecordKey> renewed = new HashSet<>();
      Set<RecordKey> lost = new HashSet<>();
      for (LeaseClaim claim : claims) {
        StoredRecord row = rows.get(claim.key());
        if (RowLocks.isHeld(row, serverId, claim.generation())) {
          row.renewLease(now);
          renewed.add(claim.key());
        } else {
          lost.add(claim.key());
        }
      }
      return new Renewal(renewed, lost, now);
    });
  }

  /** Saves one session's final data and frees the record, if the fence holds; see {@link #releaseBatch}. */
  public ReleaseOutcome release(RecordKey key, String serverId, long generation, long change, String finalData) {
    return releaseBatch(List.of(new CommitRequest(key, serverId, generation, change, finalData))).get(0);
  }

  /**
   * Saves and frees many records in one transaction; each is fenced on its own, outcomes in request order. Data is
   * written only if newer than the stored data (null: nothing new). A retry whose earlier attempt released the
   * record recognises it and reports it released.
   */
  public List<ReleaseOutcome> releaseBatch(List<CommitRequest> requests) {
    return fencedBatch(requests, (em, batch, row, request) -> {
      Optional<DocumentRefused> refused = writeIfNewer(em, batch, row, request);
      if (refused.isPresent()) {
        return refused.get();
      }
      row.release(request.change());
      return new Released(request.key(), row.version());
    }, (row, request) -> row != null && row.wasReleasedBy(request.generation(), request.change())
        ? new Released(request.key(), row.version())
        : RowLocks.lost(request.key(), row));
  }

  /**
   * Writes the request's data, user ids and a new version if the data is newer than the stored data. A document
   * over the limit is refused for its record alone: the lease is still renewed, nothing else written.
   */
  private Optional<DocumentRefused> writeIfNewer(EntityManager em, LockedBatch batch, StoredRecord row,
      CommitRequest request) {
    if (request.data() == null || request.change() <= row.savedChange(request.generation())) {
      return Optional.empty();
    }
    long size = limit.size(request.data());
    if (!limit.fits(size)) {
      row.renewLease(batch.now());
      return Optional.of(new DocumentRefused(request.key(), size, limit.maxBytes(), row.leaseRenewedAt()));
    }
    RecordWrites.write(em, row, request.data(), request.generation(), request.change(), request.note(), size,
        batch.now(), request.consumedMessages(), batch::keep);
    RecordWrites.replaceUserIds(em, row, request.userIds());
    return Optional.empty();
  }

  /** What a batch does to a locked row its writer still owns, at the database's {@code batch.now()}. */
  private interface FencedWrite<O> {
    O apply(EntityManager em, LockedBatch batch, StoredRecord row, CommitRequest request);
  }

  /**
   * One transaction: locks the batch's rows in key order, then applies {@code write} to each row whose owner and
   * generation still match its request; every other request gets {@code notHeld}'s outcome and writes nothing. The
   * rows written are written back once each, fenced again in their UPDATE, with the versions the batch kept.
   */
  private <O> List<O> fencedBatch(List<CommitRequest> requests, FencedWrite<O> write,
      BiFunction<StoredRecord, CommitRequest, O> notHeld) {
    return transactions.run(em -> {
      LockedBatch batch = LockedBatch.lock(em, clock, requests.stream().map(CommitRequest::key).toList());
      List<O> outcomes = new ArrayList<>(requests.size());
      for (CommitRequest request : requests) {
        StoredRecord row = batch.row(request.key());
        if (RowLocks.isHeld(row, request.serverId(), request.generation())) {
          batch.changed(row);
          outcomes.add(write.apply(em, batch, row, request));
        } else {
          outcomes.add(notHeld.apply(row, request));
        }
      }
      batch.writeBack();
      return outcomes;
    });
  }

  /**
   * Frees the record if process {@code incarnation} of {@code serverId} holds it although it holds no session for
   * it (a join that timed out after its lock was taken); the caller makes sure no join of it is under way.
   *
   * @return whether a lock was freed
   */
  public boolean releaseOrphan(RecordKey key, String serverId, String incarnation) {
    return transactions.run(em -> {
      StoredRecord row = RowLocks.lock(em, key);
      if (row == null || !row.isHeldByProcess(serverId, incarnation)) {
        return false;
      }
      row.release(row.savedChange(row.generation()));
      return true;
    });
  }

  /**
   * Frees every lock: only for embedded Derby at start, where the database admits one process, so every lock in it
   * is this node's previous run's. The generations stay, so nothing of that run could write.
   *
   * @return how many locks were freed
   */
  public int freeAllLocks() {
    return transactions.run(em -> {
      List<StoredRecord> held = em.createQuery("SELECT r FROM StoredRecord r WHERE r.owner IS NOT NULL",
          StoredRecord.class).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
      held.forEach(row -> row.release(row.savedChange(row.generation())));
      return held.size();
    });
  }

  /**
   * A lock-safe admin write of a record no live session holds: applies {@code change} to its document (null:
   * erases it) if it is free or, with {@code steal}, held under a stale lease; a record this very process holds
   * without a session counts as free, so the caller must make sure no join of it is under way here.
   */
  public UnheldWriteOutcome writeUnheld(RecordKey key, String serverId, String incarnation, Duration recent,
      Duration stale, boolean steal, UnaryOperator<String> change, VersionNote note) {
    return new UnheldWrites(transactions, clock, limit)
        .write(key, serverId, incarnation, new LeasePolicy(recent, stale), steal, change, note);
  }

  /**
   * Brings a record no live session holds to {@code migration}'s latest step as a new version, taken and released
   * like {@link #writeUnheld}; a record already there is answered {@link UnheldWriteOutcome.Unchanged}.
   */
  public UnheldWriteOutcome migrateUnheld(RecordKey key, String serverId, String incarnation, Duration recent,
      Duration stale, boolean steal, SchemaMigration migration, VersionNote note) {
    return new UnheldWrites(transactions, clock, limit)
        .migrate(key, serverId, incarnation, new LeasePolicy(recent, stale), steal, migration, note);
  }

  /**
   * Erases a record the session of {@code generation} of {@code serverId} holds: its owner carries out an erasure
   * asked of it.
   *
   * @return whether the fence held and the record is gone
   */
  public boolean eraseHeld(RecordKey key, String serverId, long generation) {
    return transactions.run(em -> {
      StoredRecord row = RowLocks.lock(em, key);
      if (!RowLocks.isHeld(row, serverId, generation)) {
        return false;
      }
      RecordErasure.erase(em, row);
      return true;
    });
  }

  /** Handoff requests: a joiner asks the owner to save and release; the owner polls for such requests. */
  public HandoffRequests handoffRequests() {
    return new HandoffRequests(transactions, clock);
  }

  /** The migration steps nodes have used, with their checksums. */
  public MigrationSteps migrationSteps() {
    return new MigrationSteps(transactions, clock);
  }

  /** Heartbeats of running processes: a lagging lease is not stolen from an owner that still beats. */
  public ProcessBeats processBeats() {
    return new ProcessBeats(transactions, clock);
  }

  /** The committed state and lock state of a record, without taking its lock. */
  public Optional<RecordSnapshot> read(RecordKey key) {
    return transactions.run(em -> {
      StoredRecord row = em.find(StoredRecord.class, new RecordId(key));
      return row == null ? Optional.empty() : Optional.of(row.snapshot(clock.now(em)));
    });
  }
}
