package dev.datamanager.persistence.record;

import dev.datamanager.api.record.SaveReason;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prunes versions by the retention rules in bounded batches, one short transaction each, with ages on the database
 * clock. A version is never pruned while pinned, current, or among the newest {@code min} of its record: every
 * commit writes the next version number, so those are the versions numbered within {@code min} of the current one.
 * Several nodes may prune at once: they choose the same versions and delete them by key.
 */
public class VersionPruner {

  private static final String AUTOSAVE = SaveReason.AUTOSAVE.wire();
  private static final long HOUR_SECONDS = 3600;

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();

  public VersionPruner(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, clock);
  }

  /**
   * Deletes up to {@code batch} versions saved longer than {@code keep} ago.
   *
   * @return how many it deleted; {@code next} is non-null when it found a full batch, so more may be due
   */
  public PruneBatch dropExpired(Retention rules, int batch) {
    return transactions.run(em -> {
      Timestamp before = Timestamp.from(clock.now(em).minus(rules.keep()));
      @SuppressWarnings("unchecked")
      List<Object[]> rows = em.createNativeQuery("SELECT v.STORE_NAME, v.RECORD_KEY, v.VERSION_NO"
              + " FROM DM_RECORD_VERSION v JOIN DM_RECORD r"
              + " ON r.STORE_NAME = v.STORE_NAME AND r.RECORD_KEY = v.RECORD_KEY"
              + " WHERE v." + VersionDeletes.UNPINNED + " AND v.SAVED_AT < ? AND v.VERSION_NO < r.RECORD_VERSION"
              + " AND v.VERSION_NO <= r.RECORD_VERSION - ? FETCH FIRST " + batch + " ROWS ONLY")
          .setParameter(1, before)
          .setParameter(2, (long) rules.min())
          .getResultList();
      List<VersionKey> doomed = rows.stream()
          .map(row -> new VersionKey((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
          .toList();
      int deleted = VersionDeletes.delete(em, doomed, before, null);
      return new PruneBatch(deleted, doomed.size() == batch ? doomed.get(doomed.size() - 1) : null);
    });
  }

  /**
   * Thins autosave versions saved longer than {@code thinAfter} ago to the latest of each hour (UTC) of each record,
   * looking at up to {@code batch} (at least 2) of them in key order after {@code after} (null: from the start).
   *
   * @return how many it deleted, and where the next batch goes on from (null: the pass is complete)
   */
  public PruneBatch thin(Retention rules, VersionKey after, int batch) {
    int size = Math.max(2, batch); // a version is only ever judged beside the one after it
    return transactions.run(em -> {
      Timestamp before = Timestamp.from(clock.now(em).minus(rules.thinAfter()));
      String jpql = "SELECT v.store, v.key, v.version, v.savedAt, v.pinned, r.version FROM RecordVersion v,"
          + " StoredRecord r WHERE r.store = v.store AND r.key = v.key AND v.reason = :autosave"
          + " AND v.savedAt < :before"
          + (after == null ? "" : " AND (v.store > :store OR (v.store = :store AND (v.key > :key"
              + " OR (v.key = :key AND v.version > :version))))")
          + " ORDER BY v.store, v.key, v.version";
      TypedQuery<Object[]> select = em.createQuery(jpql, Object[].class)
          .setParameter("autosave", AUTOSAVE)
          .setParameter("before", before)
          .setMaxResults(size);
      if (after != null) {
        select.setParameter("store", after.store()).setParameter("key", after.key())
            .setParameter("version", after.version());
      }
      List<Autosave> seen = select.getResultStream().map(Autosave::of).toList();
      // A full batch may stop inside an hour whose later versions it has not seen: the next batch starts that hour
      // again, or, when the hour fills the whole batch, at its last version seen here.
      int end = seen.size();
      VersionKey next = null;
      if (end == size) {
        int start = end - 1;
        while (start > 0 && seen.get(start - 1).sameHour(seen.get(end - 1))) {
          start--;
        }
        end = start > 0 ? start : end - 1;
        next = seen.get(end - 1).key();
      }
      List<VersionKey> doomed = new ArrayList<>();
      for (int i = 0; i < end; i++) {
        Autosave version = seen.get(i);
        // A later autosave of the same hour exists (the row after it), so this one is not the hour's latest.
        if (i + 1 < seen.size() && version.sameHour(seen.get(i + 1)) && version.prunable(rules.min())) {
          doomed.add(version.key());
        }
      }
      return new PruneBatch(VersionDeletes.delete(em, doomed, before, AUTOSAVE), next);
    });
  }

  /** An autosave version as thinning sees it, with the version its record is at now. */
  private record Autosave(VersionKey key, Instant savedAt, boolean pinned, long current) {

    static Autosave of(Object[] row) {
      return new Autosave(new VersionKey((String) row[0], (String) row[1], ((Number) row[2]).longValue()),
          ((Timestamp) row[3]).toInstant(), (Boolean) row[4], ((Number) row[5]).longValue());
    }

    boolean sameHour(Autosave other) {
      return key.store().equals(other.key.store()) && key.key().equals(other.key.key())
          && Math.floorDiv(savedAt.getEpochSecond(), HOUR_SECONDS)
              == Math.floorDiv(other.savedAt.getEpochSecond(), HOUR_SECONDS);
    }

    boolean prunable(int min) {
      return !pinned && key.version() < current && key.version() <= current - min;
    }
  }
}
