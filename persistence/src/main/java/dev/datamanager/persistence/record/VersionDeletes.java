package dev.datamanager.persistence.record;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes versions by primary key, record by record in key order, so pruners on several nodes lock in the same order
 * and never deadlock; deleting a version another node already deleted deletes nothing. Each delete repeats the
 * conditions that chose the version, so one pinned (or written anew) since it was chosen is left alone.
 */
final class VersionDeletes {

  /** Versions per statement: well under any driver's bind-parameter limit. */
  private static final int CHUNK = 500;

  private static final Comparator<VersionKey> ORDER = Comparator.comparing(VersionKey::store)
      .thenComparing(VersionKey::key).thenComparingLong(VersionKey::version);

  private VersionDeletes() {}

  /** Deletes the unpinned ones of {@code doomed} saved before {@code before}, of any reason or only {@code reason}. */
  static int delete(EntityManager em, List<VersionKey> doomed, Timestamp before, String reason) {
    Map<List<String>, List<Long>> byRecord = new LinkedHashMap<>();
    doomed.stream().sorted(ORDER).forEach(v ->
        byRecord.computeIfAbsent(List.of(v.store(), v.key()), k -> new ArrayList<>()).add(v.version()));
    String jpql = "DELETE FROM RecordVersion v WHERE v.store = :store AND v.key = :key AND v.version IN :versions"
        + " AND v.pinned = FALSE AND v.savedAt < :before" + (reason == null ? "" : " AND v.reason = :reason");
    int deleted = 0;
    for (Map.Entry<List<String>, List<Long>> record : byRecord.entrySet()) {
      List<Long> versions = record.getValue();
      for (int from = 0; from < versions.size(); from += CHUNK) {
        var statement = em.createQuery(jpql)
            .setParameter("store", record.getKey().get(0))
            .setParameter("key", record.getKey().get(1))
            .setParameter("versions", versions.subList(from, Math.min(versions.size(), from + CHUNK)))
            .setParameter("before", before);
        if (reason != null) {
          statement.setParameter("reason", reason);
        }
        deleted += statement.executeUpdate();
      }
    }
    return deleted;
  }
}
