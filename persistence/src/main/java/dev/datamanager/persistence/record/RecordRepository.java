package dev.datamanager.persistence.record;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.CommitOutcome;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.record.ReleaseOutcome;
import dev.datamanager.api.record.ReleaseRequest;
import dev.datamanager.api.record.Released;
import dev.datamanager.api.record.Renewal;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Session-locked loads and fenced writes of records; every public method is exactly one database
 * transaction with the rows it touches locked by {@code PESSIMISTIC_WRITE}.
 *
 * <p>Documents larger than the limit raise {@code DocumentTooLargeException} before any database
 * work. A row lock not obtained in time, or an unreachable database, raises a
 * {@code PersistenceException} and writes nothing: the caller keeps its data and retries.
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

  /** Loads and locks a record for a session, creating it from {@code initialData} when missing. */
  public AcquireOutcome acquire(
      RecordKey key, String serverId, Duration recent, Duration stale, String initialData) {
    limit.check(initialData);
    return acquisition.acquire(key, serverId, new LeasePolicy(recent, stale), initialData);
  }

  /** Writes {@code data} as the next version and renews the lease, only if the fence still holds. */
  public CommitOutcome commit(RecordKey key, String serverId, long generation, String data) {
    return commitBatch(List.of(new CommitRequest(key, serverId, generation, data))).get(0);
  }

  /** Commits many records in one transaction; each is fenced on its own, outcomes in request order. */
  public List<CommitOutcome> commitBatch(List<CommitRequest> requests) {
    requests.forEach(request -> limit.check(request.data()));
    return fencedBatch(requests, lost -> lost, (row, request, now) -> {
      row.write(request.data(), now);
      row.renewLease(now);
      return new Committed(request.key(), row.version(), row.leaseRenewedAt());
    });
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

  /** Saves the final data (unless null: unchanged) and frees the record, only if the fence still holds. */
  public ReleaseOutcome release(RecordKey key, String serverId, long generation, String finalData) {
    return releaseBatch(List.of(new CommitRequest(key, serverId, generation, finalData))).get(0);
  }

  /** Saves and frees many records in one transaction; each is fenced on its own, outcomes in request order. */
  public List<ReleaseOutcome> releaseBatch(List<CommitRequest> requests) {
    requests.stream().map(CommitRequest::data).filter(Objects::nonNull).forEach(limit::check);
    return fencedBatch(requests, lost -> lost, (row, request, now) -> {
      if (request.data() != null) {
        row.write(request.data(), now);
      }
      row.release();
      return new Released(request.key(), row.version());
    });
  }

  /** What a batch does to a row its writer still owns, at the database's {@code now}. */
  private interface FencedWrite<O> {
    O apply(StoredRecord row, CommitRequest request, Instant now);
  }

  /**
   * One transaction: locks the batch's rows in key order, then applies {@code write} to each row whose owner and
   * generation still match its request; every other request gets its lock-lost outcome and writes nothing.
   */
  private <O> List<O> fencedBatch(List<CommitRequest> requests, Function<LockLost, O> lostOutcome,
      FencedWrite<O> write) {
    return transactions.run(em -> {
      Map<RecordKey, StoredRecord> rows = RowLocks.lockAll(em, requests.stream().map(CommitRequest::key).toList(),
          clock.locksRowsInQueryOrder(em));
      Instant now = clock.now(em);
      List<O> outcomes = new ArrayList<>(requests.size());
      for (CommitRequest request : requests) {
        StoredRecord row = rows.get(request.key());
        outcomes.add(RowLocks.isHeld(row, request.serverId(), request.generation())
            ? write.apply(row, request, now)
            : lostOutcome.apply(RowLocks.lost(request.key(), row)));
      }
      return outcomes;
    });
  }

  /**
   * Asks the node holding {@code key} to save and release it for {@code requester}; no lock is taken and nothing
   * but the request is written.
   *
   * @return whether another node holds the record, so the request has someone to answer it
   */
  public boolean requestRelease(RecordKey key, String requester) {
    return transactions.run(em -> {
      Instant now = clock.now(em);
      return em.createQuery("UPDATE StoredRecord r SET r.releaseRequestedBy = :requester,"
              + " r.releaseRequestedAt = :now WHERE r.store = :store AND r.key = :key"
              + " AND r.owner IS NOT NULL AND r.owner <> :requester")
          .setParameter("requester", requester)
          .setParameter("now", Timestamp.from(now))
          .setParameter("store", key.store())
          .setParameter("key", key.key())
          .executeUpdate() == 1;
    });
  }

  /** The records {@code serverId} holds that another node asked it to release: a cheap indexed poll. */
  public List<ReleaseRequest> releaseRequests(String serverId) {
    return transactions.run(em -> em.createQuery("SELECT r.store, r.key, r.releaseRequestedBy FROM StoredRecord r"
            + " WHERE r.owner = :owner AND r.releaseRequestedBy IS NOT NULL", Object[].class)
        .setParameter("owner", serverId)
        .getResultList()
        .stream()
        .map(row -> new ReleaseRequest(new RecordKey((String) row[0], (String) row[1]), (String) row[2]))
        .toList());
  }

  /** The committed state and lock state of a record, without taking its lock. */
  public Optional<RecordSnapshot> read(RecordKey key) {
    return transactions.run(em -> {
      StoredRecord row = em.find(StoredRecord.class, new RecordId(key));
      return row == null ? Optional.empty() : Optional.of(row.snapshot(clock.now(em)));
    });
  }
}
