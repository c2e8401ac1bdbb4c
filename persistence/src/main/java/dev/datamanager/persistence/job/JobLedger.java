package dev.datamanager.persistence.job;

import dev.datamanager.api.error.IdempotencyKeyReusedException;
import dev.datamanager.api.error.JobFinishedException;
import dev.datamanager.api.error.JobNotFoundException;
import dev.datamanager.persistence.record.DatabaseClock;
import dev.datamanager.persistence.record.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Starts, reads, lists and cancels jobs, as the API asks; each method is one transaction. */
public class JobLedger {

  /** A start with an idempotency key answers the first job started with it this long ago at most. */
  public static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();

  public JobLedger(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, clock);
  }

  /** A job just started, or the one an earlier start with the same id or idempotency key created. */
  public record Start(JobRow job, boolean created) {}

  /**
   * Starts {@code job} over every record its store holds now, one pending item each; with an idempotency key used by
   * the same user within {@link #IDEMPOTENCY_WINDOW}, answers that user's first job instead.
   *
   * @throws IdempotencyKeyReusedException if that first job asked for something else
   */
  public Start start(NewJob job) {
    return transactions.run(em -> {
      JobRow retried = em.find(JobRow.class, job.id());
      if (retried != null) {
        return new Start(retried, false); // this very start committed before its answer was lost
      }
      Instant now = clock.now(em);
      if (job.idempotencyKey() != null) {
        Optional<JobRow> first = byIdempotencyKey(em, job.createdBy(), job.idempotencyKey());
        if (first.isPresent() && !first.get().startedAt().isBefore(now.minus(IDEMPOTENCY_WINDOW))) {
          if (!first.get().sameRequest(job)) {
            throw new IdempotencyKeyReusedException(job.idempotencyKey());
          }
          return new Start(first.get(), false);
        }
        first.ifPresent(expired -> {
          expired.forgetIdempotencyKey();
          em.flush(); // the key is free before the new row takes it
        });
      }
      // Two starts with one key at once: the second insert breaks the unique key, and its retry finds the first.
      int total = em.createNativeQuery("INSERT INTO DM_JOB_ITEM (JOB_ID, RECORD_KEY, STATE)"
              + " SELECT CAST(?1 AS VARCHAR(36)), RECORD_KEY, 'PENDING' FROM DM_RECORD WHERE STORE_NAME = ?2")
          .setParameter(1, job.id())
          .setParameter(2, job.store())
          .executeUpdate();
      JobRow row = new JobRow(job, total, now);
      em.persist(row);
      return new Start(row, true);
    });
  }

  private static Optional<JobRow> byIdempotencyKey(EntityManager em, String user, String key) {
    return em.createQuery("SELECT j FROM JobRow j WHERE j.createdBy = :user AND j.idempotencyKey = :key",
            JobRow.class)
        .setParameter("user", user)
        .setParameter("key", key)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  public Optional<JobRow> find(String id) {
    return transactions.run(em -> Optional.ofNullable(em.find(JobRow.class, id)));
  }

  /** Where a page of the job list starts: after the job started at {@code startedAt} with id {@code id}. */
  public record Position(Instant startedAt, String id) {}

  /** Up to {@code limit} jobs, newest first, after {@code after} (null: from the newest). */
  public List<JobRow> page(Position after, int limit) {
    return transactions.run(em -> {
      String newestFirst = " ORDER BY j.startedAt DESC, j.id DESC";
      var query = after == null
          ? em.createQuery("SELECT j FROM JobRow j" + newestFirst, JobRow.class)
          : em.createQuery("SELECT j FROM JobRow j WHERE j.startedAt < :at OR (j.startedAt = :at AND j.id < :id)"
              + newestFirst, JobRow.class)
              .setParameter("at", Timestamp.from(after.startedAt()))
              .setParameter("id", after.id());
      return query.setMaxResults(limit).getResultList();
    });
  }

  /**
   * Asks the job's runner to stop between two records; asking again is harmless.
   *
   * @return the job, still running until its runner stops
   * @throws JobFinishedException if it has already finished
   */
  public JobRow requestCancel(String id) {
    return transactions.run(em -> {
      JobRow job = em.find(JobRow.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (job == null) {
        throw new JobNotFoundException(id);
      }
      if (job.state() != JobRow.State.RUNNING) {
        throw new JobFinishedException(id, job.state().wire());
      }
      job.requestCancel();
      return job;
    });
  }

  /** The first {@code limit} records, by key, the job could not change, with why. */
  public List<JobItemRow> failures(String id, int limit) {
    return transactions.run(em -> em.createQuery("SELECT i FROM JobItemRow i WHERE i.jobId = :id"
            + " AND i.state = 'FAILED' ORDER BY i.key", JobItemRow.class)
        .setParameter("id", id)
        .setMaxResults(limit)
        .getResultList());
  }

  /** Up to {@code limit} keys of {@code store}'s records after {@code afterKey}, in key order: what a job covers. */
  @SuppressWarnings("unchecked")
  public List<String> storeKeys(String store, String afterKey, int limit) {
    return transactions.run(em -> (List<String>) em.createNativeQuery("SELECT RECORD_KEY FROM DM_RECORD"
            + " WHERE STORE_NAME = ?1 AND RECORD_KEY > ?2 ORDER BY RECORD_KEY")
        .setParameter(1, store)
        .setParameter(2, afterKey)
        .setMaxResults(limit)
        .getResultList());
  }
}
