package dev.datamanager.persistence.record;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
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

  /**
   * In SQL, not JPQL: EclipseLink hands Derby a boolean in a comparison as the integer 0, which Derby refuses; both
   * databases read this literal.
   */
  static final String UNPINNED = "PINNED = FALSE";

  private VersionDeletes() {}

  /** Deletes the unpinned ones of {@code doomed} saved before {@code before}, of any reason or only {@code reason}. */
  static int delete(EntityManager em, List<VersionKey> doomed, Timestamp before, String reason) {
    Map<List<String>, List<Long>> byRecord = new LinkedHashMap<>();
    doomed.stream().sorted(ORDER).forEach(v ->
        byRecord.computeIfAbsent(List.of(v.store(), v.key()), k -> new ArrayList<>()).add(v.version()));
    int deleted = 0;
    for (Map.Entry<List<String>, List<Long>> record : byRecord.entrySet()) {
      List<Long> versions = record.getValue();
      for (int from = 0; from < versions.size(); from += CHUNK) {
        List<Long> chunk = versions.subList(from, Math.min(versions.size(), from + CHUNK));
        Query statement = em.createNativeQuery("DELETE FROM DM_RECORD_VERSION WHERE STORE_NAME = ?"
            + " AND RECORD_KEY = ? AND VERSION_NO IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
            + ") AND " + UNPINNED + " AND SAVED_AT < ?" + (reason == null ? "" : " AND REASON = ?"));
        int p = 1;
        statement.setParameter(p++, record.getKey().get(0)).setParameter(p++, record.getKey().get(1));
        for (Long version : chunk) {
          statement.setParameter(p++, version);
        }
        statement.setParameter(p++, before);
        if (reason != null) {
          statement.setParameter(p, reason);
        }
        deleted += statement.executeUpdate();
      }
    }
    return deleted;
  }
}
