package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Reads the kept versions of records; each method is one transaction. */
public class VersionHistory {

  private final Transactions transactions;

  public VersionHistory(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, new DatabaseClock());
  }

  /** Version {@code version} of the record, if it is kept. */
  public Optional<RecordVersion> read(RecordKey key, long version) {
    return transactions.run(em -> Optional.ofNullable(
        em.find(RecordVersion.class, new VersionId(key.store(), key.key(), version))));
  }

  /** The latest kept version saved at or before {@code at}, if any. */
  public Optional<RecordVersion> latestAtOrBefore(RecordKey key, Instant at) {
    return transactions.run(em -> em.createQuery("SELECT v FROM RecordVersion v WHERE v.store = :store"
            + " AND v.key = :key AND v.savedAt <= :at ORDER BY v.version DESC", RecordVersion.class)
        .setParameter("store", key.store())
        .setParameter("key", key.key())
        .setParameter("at", Timestamp.from(at))
        .setMaxResults(1)
        .getResultStream()
        .findFirst());
  }
}
