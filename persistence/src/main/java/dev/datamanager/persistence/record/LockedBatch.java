package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rows of a fenced batch, locked and written back over the transaction's own connection: only their lock
 * columns are read, with the database clock in the same round trip on PostgreSQL, and the rows a batch changed are
 * written as JDBC batches of {@code UPDATE … WHERE owner = ? AND generation = ?} plus one of version INSERTs, instead
 * of the provider building, tracking and diffing an entity per row.
 */
final class LockedBatch {

  private static final String FENCE = " WHERE STORE_NAME = ? AND RECORD_KEY = ? AND OWNER_ID = ? AND GENERATION = ?";
  private static final String UPDATE_STATE = "UPDATE DM_RECORD SET " + StoredRecord.STATE_ASSIGNMENTS + FENCE;
  private static final String UPDATE_WITH_DATA =
      "UPDATE DM_RECORD SET DATA = ?, " + StoredRecord.STATE_ASSIGNMENTS + FENCE;

  private final EntityManager em;
  private final DatabaseClock clock;
  private final Connection connection;
  private final Map<RecordKey, StoredRecord> rows = new TreeMap<>();
  // The owner and generation each row was locked with: the fence its UPDATE states again.
  private final Map<StoredRecord, Fence> changed = new IdentityHashMap<>();
  private final List<RecordVersion> versions = new ArrayList<>();
  private Instant now;

  private record Fence(String owner, long generation) {}

  private LockedBatch(EntityManager em, DatabaseClock clock) {
    this.em = em;
    this.clock = clock;
    this.connection = em.unwrap(Connection.class);
  }

  /**
   * Locks the rows of {@code keys} in key order, so two nodes locking overlapping batches cannot deadlock; absent
   * rows are simply absent.
   */
  static LockedBatch lock(EntityManager em, DatabaseClock clock, Collection<RecordKey> keys) {
    LockedBatch batch = new LockedBatch(em, clock);
    try {
      if (clock.locksRowsInQueryOrder(em)) {
        batch.lockInChunks(new TreeSet<>(keys));
      } else {
        for (RecordKey key : new TreeSet<>(keys)) {
          batch.lockOne(key);
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not lock " + keys.size() + " records", e);
    }
    return batch;
  }

  /** The locked row of {@code key}, or null when there is none. */
  StoredRecord row(RecordKey key) {
    return rows.get(key);
  }

  /** The database's time once every row of the batch is locked. */
  Instant now() {
    if (now == null) {
      now = clock.now(em);
    }
    return now;
  }

  /** {@code row} was changed by the batch: it is written back, fenced by the owner and generation it was locked with. */
  void changed(StoredRecord row) {
    changed.computeIfAbsent(row, r -> new Fence(r.owner(), r.generation()));
  }

  /** Keeps {@code version} with the batch's writes. */
  void keep(RecordVersion version) {
    versions.add(version);
  }

  /**
   * Writes back every changed row (with its document, if it was replaced) and inserts the kept versions. A fenced
   * UPDATE that matches no row means the lock did not hold: the transaction fails and writes nothing.
   */
  void writeBack() {
    List<StoredRecord> withData = new ArrayList<>();
    List<StoredRecord> stateOnly = new ArrayList<>();
    changed.keySet().forEach(row -> (row.data() != null ? withData : stateOnly).add(row));
    try {
      update(UPDATE_WITH_DATA, withData, true);
      update(UPDATE_STATE, stateOnly, false);
      if (!versions.isEmpty()) {
        try (PreparedStatement insert = connection.prepareStatement(RecordVersion.INSERT)) {
          for (RecordVersion version : versions) {
            version.bindInsert(insert);
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not write " + changed.size() + " records", e);
    }
  }

  private void update(String sql, List<StoredRecord> batch, boolean withData) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    batch.sort((a, b) -> a.recordKey().compareTo(b.recordKey()));
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      for (StoredRecord row : batch) {
        int i = 1;
        if (withData) {
          update.setString(i++, row.data());
        }
        i = row.bindState(update, i);
        RecordKey key = row.recordKey();
        Fence fence = changed.get(row);
        update.setString(i++, key.store());
        update.setString(i++, key.key());
        update.setString(i++, fence.owner());
        update.setLong(i, fence.generation());
        update.addBatch();
      }
      int[] counts = update.executeBatch();
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] != 1 && counts[k] != Statement.SUCCESS_NO_INFO) {
          throw new PersistenceException("The lock of " + batch.get(k).recordKey() + " did not hold its row");
        }
      }
    }
  }

  /** One {@code SELECT … WHERE store = ? AND key IN (…) ORDER BY key FOR UPDATE} per store and chunk of keys. */
  private void lockInChunks(TreeSet<RecordKey> ordered) throws SQLException {
    for (List<RecordKey> chunk : RowLocks.storeChunks(ordered)) {
      lockChunk(chunk);
    }
  }

  // The clock is projected outside the locking subquery, so it is read for each row after that row is locked: the
  // last row's time is after every lock wait of the batch, as a separate clock query afterwards would be.
  private void lockChunk(List<RecordKey> sameStore) throws SQLException {
    String sql = "SELECT l.*, clock_timestamp() AS DB_NOW FROM (SELECT " + StoredRecord.STATE_COLUMNS
        + " FROM DM_RECORD WHERE STORE_NAME = ? AND RECORD_KEY IN ("
        + String.join(", ", Collections.nCopies(sameStore.size(), "?")) + ") ORDER BY RECORD_KEY FOR UPDATE) l";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, sameStore.get(0).store());
      for (int i = 0; i < sameStore.size(); i++) {
        select.setString(i + 2, sameStore.get(i).key());
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          StoredRecord row = StoredRecord.lockedState(rs);
          rows.put(row.recordKey(), row);
          Instant read = rs.getTimestamp("DB_NOW").toInstant();
          if (now == null || read.isAfter(now)) {
            now = read;
          }
        }
      }
    }
  }

  /** Derby refuses {@code ORDER BY} with {@code FOR UPDATE}: one locking query per key, in key order. */
  private void lockOne(RecordKey key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredRecord.STATE_COLUMNS
        + " FROM DM_RECORD WHERE STORE_NAME = ? AND RECORD_KEY = ? FOR UPDATE WITH RS")) {
      select.setString(1, key.store());
      select.setString(2, key.key());
      try (ResultSet rs = select.executeQuery()) {
        if (rs.next()) {
          rows.put(key, StoredRecord.lockedState(rs));
        }
      }
    }
  }
}
