package dev.datamanager.persistence.job;

import dev.datamanager.persistence.record.DatabaseClock;
import dev.datamanager.persistence.record.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The runner's side of a job: claiming it, its heartbeat, and its progress record by record. Every write is fenced on
 * the claim: a runner whose job another node took over learns it ({@link Beat#LOST}) and writes nothing.
 */
public class JobProgress {

  /** What a runner learns with each step: go on, stop because an admin cancelled, or stop because it lost the job. */
  public enum Beat { GO, CANCEL, LOST }

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();

  public JobProgress(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, clock);
  }

  /**
   * Claims for process {@code process} of {@code server} the oldest running job of one of {@code kinds} that nobody
   * runs: no heartbeat, one older than {@code takeover} by the database's clock, or one of this very process.
   */
  public Optional<JobRow> claim(String server, String process, Collection<String> kinds, Duration takeover) {
    return transactions.run(em -> {
      Instant bound = clock.now(em).minus(takeover);
      List<String> candidates = em.createQuery("SELECT j.id FROM JobRow j WHERE j.state = 'RUNNING'"
              + " AND j.kind IN :kinds AND (j.heartbeatAt IS NULL OR j.heartbeatAt < :bound"
              + " OR (j.runner = :server AND j.runnerProcess = :process)) ORDER BY j.startedAt", String.class)
          .setParameter("kinds", kinds)
          .setParameter("bound", Timestamp.from(bound))
          .setParameter("server", server)
          .setParameter("process", process)
          .setMaxResults(8)
          .getResultList();
      for (String id : candidates) {
        // Locked one by one (Derby refuses FOR UPDATE with ORDER BY), and checked again under the lock.
        JobRow job = em.find(JobRow.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (job != null && job.claimable(bound, server, process)) {
          job.claim(server, process, clock.now(em));
          return Optional.of(job);
        }
      }
      return Optional.empty();
    });
  }

  /** Renews the runner's heartbeat; tells it whether to go on. */
  public Beat heartbeat(String id, String server, String process) {
    return transactions.run(em -> {
      JobRow job = em.find(JobRow.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (job == null || !job.isRunBy(server, process)) {
        return Beat.LOST;
      }
      job.beat(clock.now(em));
      return job.cancelRequested() ? Beat.CANCEL : Beat.GO;
    });
  }

  /** Up to {@code limit} keys still pending after {@code afterKey}, in key order. */
  public List<String> pendingKeys(String id, String afterKey, int limit) {
    return transactions.run(em -> em.createQuery("SELECT i.key FROM JobItemRow i WHERE i.jobId = :id"
            + " AND i.state = 'PENDING' AND i.key > :after ORDER BY i.key", String.class)
        .setParameter("id", id)
        .setParameter("after", afterKey)
        .setMaxResults(limit)
        .getResultList());
  }

  /**
   * Records how the job ended for {@code key} and counts it, in one transaction under the job's lock, if this runner
   * still runs the job; an item already ended is not counted again.
   */
  public Beat record(String id, String server, String process, String key, JobItemRow.State outcome,
      String detail) {
    return transactions.run(em -> {
      JobRow job = ownJob(em, id, server, process);
      if (job == null) {
        return Beat.LOST;
      }
      JobItemRow item = em.find(JobItemRow.class, new JobItemId(id, key), LockModeType.PESSIMISTIC_WRITE);
      if (item != null && item.state() == JobItemRow.State.PENDING) {
        item.end(outcome, detail);
        job.count(outcome);
      }
      job.beat(clock.now(em));
      return job.cancelRequested() ? Beat.CANCEL : Beat.GO;
    });
  }

  /**
   * Ends the job as {@code outcome} if this runner still runs it; {@code DONE} only when no item is pending.
   *
   * @return whether the job ended so
   */
  public boolean finish(String id, String server, String process, JobRow.State outcome, String detail) {
    return transactions.run(em -> {
      JobRow job = ownJob(em, id, server, process);
      if (job == null || outcome == JobRow.State.DONE && !pendingKeysOf(em, id).isEmpty()) {
        return false;
      }
      job.finish(outcome, detail, clock.now(em));
      return true;
    });
  }

  /** Gives the job up so another node takes it at once (this node is stopping); only if this runner runs it. */
  public void release(String id, String server, String process) {
    transactions.run(em -> {
      JobRow job = ownJob(em, id, server, process);
      if (job != null) {
        job.release();
      }
      return null;
    });
  }

  private static JobRow ownJob(EntityManager em, String id, String server, String process) {
    JobRow job = em.find(JobRow.class, id, LockModeType.PESSIMISTIC_WRITE);
    return job != null && job.isRunBy(server, process) ? job : null;
  }

  private static List<String> pendingKeysOf(EntityManager em, String id) {
    return em.createQuery("SELECT i.key FROM JobItemRow i WHERE i.jobId = :id AND i.state = 'PENDING'", String.class)
        .setParameter("id", id)
        .setMaxResults(1)
        .getResultList();
  }
}
