package dev.datamanager.persistence.testing;

import dev.datamanager.testsupport.TestPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** The databases every IT runs against, each able to create a fresh empty database. */
public enum DatabaseKind {
  DERBY(
      "SELECT t.SQL_TEXT FROM SYSCS_DIAG.LOCK_TABLE l JOIN SYSCS_DIAG.TRANSACTION_TABLE t"
          + " ON l.XID = t.XID WHERE l.STATE = 'WAIT'") {
    @Override
    public FreshDatabase freshDatabase() {
      String name = "dm_" + SEQUENCE.incrementAndGet();
      return new FreshDatabase(this, name, "jdbc:derby:memory:" + name + ";create=true");
    }

    @Override
    void dropDatabase(String name) {
      try {
        DriverManager.getConnection("jdbc:derby:memory:" + name + ";drop=true").close();
      } catch (SQLException expected) {
        // Derby reports a successful drop as an exception (SQLSTATE 08006).
      }
    }
  },
  POSTGRESQL("SELECT query FROM pg_stat_activity WHERE wait_event_type = 'Lock'") {
    @Override
    public FreshDatabase freshDatabase() {
      TestPostgres server = PostgresExtension.server();
      String name = server.createDatabase("dm");
      return new FreshDatabase(this, name, server.jdbcUrl(name));
    }

    @Override
    void dropDatabase(String name) {
      PostgresExtension.server().dropDatabase(name);
    }
  };

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** Lists the SQL of transactions waiting for a lock right now. */
  final String blockedStatementsSql;

  DatabaseKind(String blockedStatementsSql) {
    this.blockedStatementsSql = blockedStatementsSql;
  }

  /** A new, empty database (no schema yet). */
  public abstract FreshDatabase freshDatabase();

  abstract void dropDatabase(String name) throws SQLException;
}
