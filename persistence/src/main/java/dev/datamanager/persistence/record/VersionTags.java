package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;

/**
 * Finds the version a tagged request (a job) wrote of a record: a request whose tag a record already carries has
 * changed it, and must never change it again.
 */
public class VersionTags {

  private final Transactions transactions;

  public VersionTags(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, new DatabaseClock());
  }

  /** The version of {@code key} tagged {@code tag}, if one is kept; one transaction. */
  public Optional<Long> find(RecordKey key, String tag) {
    return transactions.run(em -> find(em, key, tag));
  }

  /** The same, inside the caller's transaction (which may hold the record's row lock). */
  public static Optional<Long> find(EntityManager em, RecordKey key, String tag) {
    return em.createQuery("SELECT v.version FROM RecordVersion v WHERE v.tag = :tag AND v.store = :store"
            + " AND v.key = :key ORDER BY v.version", Long.class)
        .setParameter("tag", tag)
        .setParameter("store", key.store())
        .setParameter("key", key.key())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
