package dev.datamanager.persistence.record;

import dev.datamanager.api.error.DocumentTooLargeException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records of a trade written in one transaction: every one of them, or none. Each request carries the trade's
 * tag in its note, and every record written keeps a version with that tag, so whether a trade committed can always
 * be read back from the rows: an attempt whose outcome was lost is recognised, never repeated, never guessed.
 */
public class TradeCommits {

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();
  private final DocumentLimit limit;

  public TradeCommits(EntityManagerFactory emf, long maxDocumentBytes) {
    this.transactions = new Transactions(emf, clock);
    this.limit = new DocumentLimit(maxDocumentBytes);
  }

  /**
   * Writes every request under its fence and then runs {@code alsoWrite} (such as remembering the answer of an
   * idempotent request) in the same transaction; once every statement has reached the database, {@code committing}
   * is told, so a failure before it is known to have committed nothing. If the trade's tag is already on the first
   * record, an earlier attempt committed: its outcome is answered and nothing is written again.
   *
   * @return one outcome per request, in request order
   * @throws SessionLostException if a record is not held under its request's generation; nothing is written
   * @throws DocumentTooLargeException if a document is over the size limit; nothing is written
   */
  public List<Committed> commit(List<CommitRequest> requests, AlsoWrite alsoWrite, Runnable committing) {
    return transactions.run(em -> {
      Map<RecordKey, StoredRecord> rows = lock(em, requests);
      Optional<List<Committed>> earlier = committed(em, rows, requests);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      requireHeld(rows, requests);
      Instant now = clock.now(em);
      List<Committed> outcomes = new ArrayList<>(requests.size());
      for (CommitRequest request : requests) {
        StoredRecord row = rows.get(request.key());
        long size = limit.size(request.data());
        if (!limit.fits(size)) {
          throw new DocumentTooLargeException(size, limit.maxBytes());
        }
        RecordWrites.write(em, row, request.data(), request.generation(), request.change(), request.note(), size, now,
            request.consumedMessages());
        RecordWrites.replaceUserIds(em, row, request.userIds());
        row.renewLease(now);
        outcomes.add(new Committed(request.key(), row.version(), row.leaseRenewedAt(), request.change()));
      }
      alsoWrite.write(em, outcomes, now);
      em.flush(); // a refused statement (a repeated idempotency key) fails here, before the commit is attempted
      committing.run();
      return outcomes;
    });
  }

  /** More to write in a trade's transaction once its records are written, at the database's {@code now}. */
  @FunctionalInterface
  public interface AlsoWrite {
    void write(EntityManager em, List<Committed> outcomes, Instant now);
  }

  /**
   * Whether the trade of {@code requests} committed, read under the records' row locks: an attempt still in flight
   * holds them, so the answer waits for it to end and is then final.
   *
   * @return the outcomes if it committed; empty if it did not and never will
   * @throws SessionLostException if a record is no longer held under its request's generation (and the trade did
   *     not commit)
   */
  public Optional<List<Committed>> outcome(List<CommitRequest> requests) {
    return transactions.run(em -> {
      Map<RecordKey, StoredRecord> rows = lock(em, requests);
      Optional<List<Committed>> earlier = committed(em, rows, requests);
      if (earlier.isEmpty()) {
        requireHeld(rows, requests);
      }
      return earlier;
    });
  }

  /** Locks the trade's rows in key order, so two trades over overlapping records cannot deadlock. */
  private Map<RecordKey, StoredRecord> lock(EntityManager em, List<CommitRequest> requests) {
    return RowLocks.lockAll(em, requests.stream().map(CommitRequest::key).toList(), clock.locksRowsInQueryOrder(em));
  }

  private static void requireHeld(Map<RecordKey, StoredRecord> rows, List<CommitRequest> requests) {
    for (CommitRequest request : requests) {
      StoredRecord row = rows.get(request.key());
      if (!RowLocks.isHeld(row, request.serverId(), request.generation())) {
        throw new SessionLostException(request.key().store(), request.key().key(), row == null ? null : row.owner());
      }
    }
  }

  /** The trade's outcomes if its tag is on the first record: the versions it wrote, as they were written. */
  private static Optional<List<Committed>> committed(EntityManager em, Map<RecordKey, StoredRecord> rows,
      List<CommitRequest> requests) {
    CommitRequest first = requests.get(0);
    if (VersionTags.find(em, first.key(), first.note().tag()).isEmpty()) {
      return Optional.empty();
    }
    List<Committed> outcomes = new ArrayList<>(requests.size());
    for (CommitRequest request : requests) {
      long version = VersionTags.find(em, request.key(), request.note().tag()).orElseThrow(() ->
          new IllegalStateException("Trade " + request.note().tag() + " is on " + first.key() + " but not on "
              + request.key()));
      StoredRecord row = rows.get(request.key());
      outcomes.add(new Committed(request.key(), version, row.leaseRenewedAt(), request.change()));
    }
    return Optional.of(outcomes);
  }
}
