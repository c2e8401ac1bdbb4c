package dev.datamanager.persistence.record;

import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Loads records under a pessimistic row lock and checks the fence every write must pass. */
final class RowLocks {

  private RowLocks() {}

  /** {@code SELECT … FOR UPDATE}: the row stays locked until the transaction ends; null when absent. */
  static StoredRecord lock(EntityManager em, RecordKey key) {
    return em.find(StoredRecord.class, new RecordId(key), LockModeType.PESSIMISTIC_WRITE);
  }

  /** Locks rows in key order, so two nodes locking overlapping batches cannot deadlock. */
  static Map<RecordKey, StoredRecord> lockAll(EntityManager em, Collection<RecordKey> keys) {
    Map<RecordKey, StoredRecord> rows = new TreeMap<>();
    for (RecordKey key : new TreeSet<>(keys)) {
      StoredRecord row = lock(em, key);
      if (row != null) {
        rows.put(key, row);
      }
    }
    return rows;
  }

  /** True when {@code serverId} still owns the row with {@code generation}: the fence of every write. */
  static boolean isHeld(StoredRecord row, String serverId, long generation) {
    return row != null && row.isHeldBy(serverId, generation);
  }

  static LockLost lost(RecordKey key, StoredRecord row) {
    return row == null ? new LockLost(key, null, 0) : new LockLost(key, row.owner(), row.generation());
  }
}
