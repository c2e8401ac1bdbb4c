package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;

/**
 * The row a join locks, read and written over the transaction's own connection: on PostgreSQL one round trip locks
 * the row (or finds none) and reads the database clock after the lock, and the take or the creation is written with
 * plain statements, instead of the provider loading, tracking and flushing an entity and a separate clock query.
 */
final class LockedJoin {

  // The clock is projected above the locking subquery, so it is read once that query has its lock (or found no
  // row); the outer join gives a row, and so a clock, even when the record is missing.
  private static final String LOCK_WITH_CLOCK = "SELECT l.*, clock_timestamp() AS DB_NOW FROM (VALUES (0)) AS one (n)"
      + " LEFT JOIN (SELECT " + StoredRecord.STATE_COLUMNS + ", DATA FROM DM_RECORD"
      + " WHERE STORE_NAME = ? AND RECORD_KEY = ? FOR UPDATE) l ON TRUE";
  // Derby: its own locking clause, and the clock in a query of its own afterwards.
  private static final String LOCK = "SELECT " + StoredRecord.STATE_COLUMNS + ", DATA FROM DM_RECORD"
      + " WHERE STORE_NAME = ? AND RECORD_KEY = ? FOR UPDATE WITH RS";
  // The generation the row was locked with is stated again: an update count other than 1 means the lock did not hold.
  static final String TAKE = "UPDATE DM_RECORD SET GENERATION = ?, " + StoredRecord.STATE_ASSIGNMENTS
      + " WHERE STORE_NAME = ? AND RECORD_KEY = ? AND GENERATION = ?";
  // TAKE with the document too (a join-time migration): DATA first, then TAKE's parameters from 2 on.
  static final String TAKE_WITH_DATA = TAKE.replace("UPDATE DM_RECORD SET ", "UPDATE DM_RECORD SET DATA = ?, ");
  static final String CREATE = "INSERT INTO DM_RECORD (" + StoredRecord.IDENTITY_COLUMNS + ", "
      + StoredRecord.STATE_TARGETS + ") VALUES (" + String.join(", ", Collections.nCopies(
          StoredRecord.IDENTITY_COLUMNS.split(",").length + StoredRecord.STATE_TARGETS.split(",").length, "?"))
      + ")";

  private final Connection connection;
  private final RecordKey key;
  private final StoredRecord row;
  private final long lockedGeneration;
  private final Instant now;

  private LockedJoin(Connection connection, RecordKey key, StoredRecord row, Instant now) {
    this.connection = connection;
    this.key = key;
    this.row = row;
    this.lockedGeneration = row == null ? 0 : row.generation();
    this.now = now;
  }

  /** {@code SELECT … FOR UPDATE} of {@code key}'s row, document included; the row stays locked until the end. */
  static LockedJoin lock(EntityManager em, DatabaseClock clock, RecordKey key) {
    Connection connection = em.unwrap(Connection.class);
    boolean clockInQuery = clock.locksRowsInQueryOrder(em);
    try (PreparedStatement select = connection.prepareStatement(clockInQuery ? LOCK_WITH_CLOCK : LOCK)) {
      select.setString(1, key.store());
      select.setString(2, key.key());
      try (ResultSet rs = select.executeQuery()) {
        boolean found = rs.next();
        if (clockInQuery) {
          StoredRecord row = rs.getString("STORE_NAME") == null ? null : StoredRecord.lockedWithData(rs);
          return new LockedJoin(connection, key, row, rs.getTimestamp("DB_NOW").toInstant());
        }
        StoredRecord row = found ? StoredRecord.lockedWithData(rs) : null;
        // Read the clock only after the row lock is held, so the lease age is judged at the real moment.
        return new LockedJoin(connection, key, row, clock.now(em));
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not lock " + key, e);
    }
  }

  /** The locked row, or null when the record does not exist. */
  StoredRecord row() {
    return row;
  }

  /** The database's time once the row is locked. */
  Instant now() {
    return now;
  }

  /** Writes back the locked row after {@link StoredRecord#take}, fenced by the generation it was locked with. */
  void writeTaken() {
    try (PreparedStatement update = connection.prepareStatement(TAKE)) {
      bindTake(update, row, lockedGeneration);
      if (update.executeUpdate() != 1) {
        throw new PersistenceException("The lock of " + key + " did not hold its row");
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not take " + key, e);
    }
  }

  /**
   * Writes back the locked row after {@link StoredRecord#take} and a new document (a join-time migration), fenced
   * like {@link #writeTaken()}, and keeps the document as {@code version}.
   */
  void writeTaken(RecordVersion version) {
    try (PreparedStatement update = connection.prepareStatement(TAKE_WITH_DATA);
        PreparedStatement insert = connection.prepareStatement(RecordVersion.INSERT)) {
      update.setString(1, row.data());
      bindTake(update, row, lockedGeneration, 2);
      if (update.executeUpdate() != 1) {
        throw new PersistenceException("The lock of " + key + " did not hold its row");
      }
      version.bindInsert(insert);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("Could not take and migrate " + key, e);
    }
  }

  /** Binds {@link #TAKE} for {@code taken}, locked with {@code lockedGeneration}; returns the last index bound. */
  static int bindTake(PreparedStatement update, StoredRecord taken, long lockedGeneration) throws SQLException {
    return bindTake(update, taken, lockedGeneration, 1);
  }

  /** Binds {@link #TAKE}'s parameters from {@code first} on; returns the last index bound. */
  static int bindTake(PreparedStatement update, StoredRecord taken, long lockedGeneration, int first)
      throws SQLException {
    update.setLong(first, taken.generation());
    int i = taken.bindState(update, first + 1);
    RecordKey id = taken.recordKey();
    update.setString(i++, id.store());
    update.setString(i++, id.key());
    update.setLong(i, lockedGeneration);
    return i;
  }

  /** Binds {@link #CREATE} for {@code created}; returns the last index bound. */
  static int bindCreate(PreparedStatement insert, StoredRecord created) throws SQLException {
    return created.bindState(insert, created.bindIdentity(insert, 1)) - 1;
  }

  /**
   * Inserts {@code created} (the record found missing) and its version 0. Another join creating the same record
   * first makes the INSERT fail with a unique violation, which the caller retries.
   */
  void insert(StoredRecord created, RecordVersion first) {
    try (PreparedStatement insert = connection.prepareStatement(CREATE);
        PreparedStatement version = connection.prepareStatement(RecordVersion.INSERT)) {
      bindCreate(insert, created);
      insert.executeUpdate();
      first.bindInsert(version);
      version.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("Could not create " + key, e);
    }
  }
}
