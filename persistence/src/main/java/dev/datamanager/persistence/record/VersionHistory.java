package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.version.VersionSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the kept versions of records and pins them; each method is one transaction. */
public class VersionHistory {

  // Never the document: a list of many versions of a 4 MB record must not read them all.
  private static final String SUMMARY = "SELECT v.version, v.savedAt, v.savedBy, v.reason, v.bytes, v.pinned"
      + " FROM RecordVersion v WHERE v.store = :store AND v.key = :key";

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
        .setParameter("at", QueryInstants.bound(at))
        .setMaxResults(1)
        .getResultStream()
        .findFirst());
  }

  /** One page of the record's kept versions; empty when the record does not exist. */
  public Optional<VersionPage> list(RecordKey key, VersionQuery query) {
    return transactions.run(em -> {
      if (!exists(em, key)) {
        return Optional.empty();
      }
      StringBuilder jpql = new StringBuilder(SUMMARY);
      if (query.from() != null) {
        jpql.append(" AND v.savedAt >= :from");
      }
      if (query.to() != null) {
        jpql.append(" AND v.savedAt <= :to");
      }
      if (query.after() != null) {
        jpql.append(query.ascending() ? " AND v.version > :after" : " AND v.version < :after");
      }
      jpql.append(" ORDER BY v.version ").append(query.ascending() ? "ASC" : "DESC");
      TypedQuery<Object[]> select = em.createQuery(jpql.toString(), Object[].class)
          .setParameter("store", key.store())
          .setParameter("key", key.key())
          .setMaxResults(query.limit() + 1);
      if (query.from() != null) {
        select.setParameter("from", QueryInstants.bound(query.from()));
      }
      if (query.to() != null) {
        select.setParameter("to", QueryInstants.bound(query.to()));
      }
      if (query.after() != null) {
        select.setParameter("after", query.after());
      }
      List<VersionSummary> found = select.getResultList().stream().map(VersionHistory::summary).toList();
      if (found.size() <= query.limit()) {
        return Optional.of(new VersionPage(found, null));
      }
      List<VersionSummary> page = found.subList(0, query.limit());
      return Optional.of(new VersionPage(List.copyOf(page), page.get(page.size() - 1).version()));
    });
  }

  /**
   * Pins or unpins a kept version; a pinned version is never pruned. A prune that races this either deleted the
   * version first (then it is not kept: empty) or finds it pinned and leaves it.
   *
   * @return the version after the change, or empty when it is not kept
   */
  public Optional<VersionSummary> pin(RecordKey key, long version, boolean pinned) {
    return transactions.run(em -> {
      int changed = em.createQuery("UPDATE RecordVersion v SET v.pinned = :pinned WHERE v.store = :store"
              + " AND v.key = :key AND v.version = :version")
          .setParameter("pinned", pinned)
          .setParameter("store", key.store())
          .setParameter("key", key.key())
          .setParameter("version", version)
          .executeUpdate();
      if (changed == 0) {
        return Optional.empty();
      }
      return em.createQuery(SUMMARY + " AND v.version = :version", Object[].class)
          .setParameter("store", key.store())
          .setParameter("key", key.key())
          .setParameter("version", version)
          .getResultStream()
          .findFirst()
          .map(VersionHistory::summary);
    });
  }

  /** Whether the record exists (a row in {@code DM_RECORD}), read without its document. */
  public boolean exists(RecordKey key) {
    return transactions.run(em -> exists(em, key));
  }

  private static boolean exists(EntityManager em, RecordKey key) {
    return em.createQuery("SELECT COUNT(r) FROM StoredRecord r WHERE r.store = :store AND r.key = :key", Long.class)
        .setParameter("store", key.store())
        .setParameter("key", key.key())
        .getSingleResult() > 0;
  }

  private static VersionSummary summary(Object[] row) {
    return new VersionSummary(((Number) row[0]).longValue(), ((Timestamp) row[1]).toInstant(), (String) row[2],
        (String) row[3], ((Number) row[4]).longValue(), (Boolean) row[5]);
  }
}
