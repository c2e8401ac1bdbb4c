package dev.datamanager.persistence.record;

import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Loads records under a pessimistic row lock and checks the fence every write must pass. */
final class RowLocks {

  private static final int CHUNK = 500;

  private RowLocks() {}

  /** {@code SELECT … FOR UPDATE}: the row stays locked until the transaction ends; null when absent. */
  static StoredRecord lock(EntityManager em, RecordKey key) {
    return em.find(StoredRecord.class, new RecordId(key), LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Locks rows in key order, so two nodes locking overlapping batches cannot deadlock. With {@code inOneQuery}
   * (the database locks in {@code ORDER BY} order) each store's keys take one round trip per chunk instead of one
   * per key; absent rows are simply not in the map either way.
   */
  static Map<RecordKey, StoredRecord> lockAll(EntityManager em, Collection<RecordKey> keys, boolean inOneQuery) {
    Map<RecordKey, StoredRecord> rows = new TreeMap<>();
    TreeSet<RecordKey> ordered = new TreeSet<>(keys);
    if (!inOneQuery || ordered.size() == 1) {
      for (RecordKey key : ordered) {
        StoredRecord row = lock(em, key);
        if (row != null) {
          rows.put(key, row);
        }
      }
      return rows;
    }
    for (List<RecordKey> chunk : storeChunks(ordered)) {
      lockChunk(em, chunk, rows);
    }
    return rows;
  }

  /**
   * {@code ordered} keys cut into the lists one locking query takes: keys of one store, at most {@link #CHUNK} of
   * them (well under any driver's bind-parameter limit), in key order.
   */
  static List<List<RecordKey>> storeChunks(SortedSet<RecordKey> ordered) {
    List<List<RecordKey>> chunks = new ArrayList<>();
    List<RecordKey> chunk = new ArrayList<>(CHUNK);
    for (RecordKey key : ordered) {
      if (!chunk.isEmpty() && (chunk.size() == CHUNK || !chunk.get(0).store().equals(key.store()))) {
        chunks.add(chunk);
        chunk = new ArrayList<>(CHUNK);
      }
      chunk.add(key);
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  /** One {@code SELECT … WHERE store = ? AND key IN (…) ORDER BY key FOR UPDATE} for keys of one store. */
  private static void lockChunk(EntityManager em, List<RecordKey> sameStore, Map<RecordKey, StoredRecord> rows) {
    em.createQuery("SELECT r FROM StoredRecord r WHERE r.store = :store AND r.key IN :keys ORDER BY r.key",
            StoredRecord.class)
        .setParameter("store", sameStore.get(0).store())
        .setParameter("keys", sameStore.stream().map(RecordKey::key).toList())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .forEach(row -> rows.put(row.recordKey(), row));
  }

  /** True when {@code serverId} still owns the row with {@code generation}: the fence of every write. */
  static boolean isHeld(StoredRecord row, String serverId, long generation) {
    return row != null && row.isHeldBy(serverId, generation);
  }

  static LockLost lost(RecordKey key, StoredRecord row) {
    return row == null ? new LockLost(key, null, 0) : new LockLost(key, row.owner(), row.generation());
  }
}
