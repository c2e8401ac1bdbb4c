package dev.datamanager.persistence.record;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/** The database's own clock and lock-wait bound, in the SQL dialect of the connected database. */
public final class DatabaseClock {

  /** PostgreSQL waits this long for a row lock before failing the transaction. */
  static final String POSTGRES_LOCK_TIMEOUT = "5s";

  /** Connections whose session already bounds lock waits; weak, so a connection the pool closes is forgotten. */
  private static final Set<Object> BOUNDED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private volatile Dialect dialect;

  /** Every lease stamp and lease age uses this instant, so no node's clock takes part in a lock decision. */
  public Instant now(EntityManager em) {
    Object value = em.createNativeQuery(dialect(em).nowSql).getSingleResult();
    return ((Timestamp) value).toInstant();
  }

  /**
   * Bounds how long this transaction may wait for a row lock (Derby's bound is a database property). On PostgreSQL
   * the bound is a setting of the connection's session, set by the first transaction on each connection: it
   * outlives that transaction only if the transaction commits, so the connection counts as bounded only then.
   *
   * @return the connection to pass to {@link #lockWaitsBounded} once this transaction has committed, or null
   */
  Object boundLockWaits(EntityManager em) {
    if (dialect(em) != Dialect.POSTGRESQL) {
      return null;
    }
    Object connection = physical(em.unwrap(Connection.class));
    if (BOUNDED.contains(connection)) {
      return null;
    }
    em.createNativeQuery("SET lock_timeout = '" + POSTGRES_LOCK_TIMEOUT + "'").executeUpdate();
    return connection;
  }

  /** The transaction that set the bound on {@code connection} committed: later ones on it need not set it again. */
  void lockWaitsBounded(Object connection) {
    if (connection != null) {
      BOUNDED.add(connection);
    }
  }

  // A pool hands out a new handle for the same connection each time: the driver's own object is what stays.
  private static Object physical(Connection handle) {
    try {
      return handle.unwrap(Connection.class);
    } catch (SQLException e) {
      return handle;
    }
  }

  /**
   * True when one {@code SELECT … ORDER BY … FOR UPDATE} locks its rows in that order (PostgreSQL), so a batch can
   * be locked in one round trip; Derby refuses {@code FOR UPDATE} with {@code ORDER BY}.
   */
  boolean locksRowsInQueryOrder(EntityManager em) {
    return dialect(em) == Dialect.POSTGRESQL;
  }

  private Dialect dialect(EntityManager em) {
    Dialect known = dialect;
    if (known == null) {
      known = Dialect.of(em.unwrap(Connection.class));
      dialect = known;
    }
    return known;
  }

  private enum Dialect {
    DERBY("VALUES CURRENT_TIMESTAMP"),
    // statement_timestamp(), not CURRENT_TIMESTAMP: PostgreSQL's CURRENT_TIMESTAMP is the transaction's
    // start, before any wait for the row lock; this is the database's time after the lock is held.
    POSTGRESQL("SELECT statement_timestamp()");

    final String nowSql;

    Dialect(String nowSql) {
      this.nowSql = nowSql;
    }

    static Dialect of(Connection connection) {
      try {
        String product = connection.getMetaData().getDatabaseProductName();
        return product.toLowerCase().contains("derby") ? DERBY : POSTGRESQL;
      } catch (SQLException e) {
        throw new PersistenceException("Cannot tell which database this is", e);
      }
    }
  }
}
