package dev.datamanager.persistence.erasure;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.persistence.record.DatabaseClock;
import dev.datamanager.persistence.record.RecordId;
import dev.datamanager.persistence.record.Transactions;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The erasures still to do, shared by every node; each method is one transaction. */
public class PendingErasures {

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();

  public PendingErasures(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, clock);
  }

  /** Keeps {@code key} to be erased later; a record already pending keeps its first request. */
  public void add(RecordKey key, String requestedBy) {
    transactions.run(em -> {
      if (em.find(PendingErasure.class, new RecordId(key), LockModeType.PESSIMISTIC_WRITE) == null) {
        em.persist(new PendingErasure(key, requestedBy, clock.now(em)));
      }
      return null;
    });
  }

  /**
   * Claims up to {@code max} erasures that are due, oldest first, each for one attempt: none of them is due again,
   * on any node, for {@code retryEvery}. A row another node claimed meanwhile is passed by.
   */
  public List<PendingErasure> claimDue(int max, Duration retryEvery) {
    return transactions.run(em -> {
      Instant now = clock.now(em);
      // Keys only: each row is then read afresh under its lock, never from a copy read before another node's claim.
      List<Object[]> due = em.createQuery("SELECT p.store, p.key FROM PendingErasure p"
              + " WHERE p.nextAttemptAt <= :now ORDER BY p.nextAttemptAt, p.store, p.key", Object[].class)
          .setParameter("now", Timestamp.from(now))
          .setMaxResults(max)
          .getResultList();
      List<PendingErasure> claimed = new ArrayList<>(due.size());
      for (Object[] key : due) {
        PendingErasure row = em.find(PendingErasure.class,
            new RecordId(new RecordKey((String) key[0], (String) key[1])), LockModeType.PESSIMISTIC_WRITE);
        if (row != null && row.isDue(now)) {
          row.claim(now.plus(retryEvery));
          claimed.add(row);
        }
      }
      return claimed;
    });
  }

  /** The erasure of {@code key} is done (or the record is gone): nothing more to do for it. */
  public void remove(RecordKey key) {
    transactions.run(em -> em.createQuery("DELETE FROM PendingErasure p WHERE p.store = :store AND p.key = :key")
        .setParameter("store", key.store())
        .setParameter("key", key.key())
        .executeUpdate());
  }
}
