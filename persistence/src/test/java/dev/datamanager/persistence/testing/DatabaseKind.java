package dev.datamanager.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The databases every IT runs against, each able to create a fresh empty database. */
public enum DatabaseKind {
  DERBY(
      "SELECT t.SQL_TEXT FROM SYSCS_DIAG.LOCK_TABLE l JOIN SYSCS_DIAG.TRANSACTION_TABLE t"
          + " ON l.XID = t.XID WHERE l.STATE = 'WAIT'") {
    @Override
    String createDatabase(String name) {
      return "jdbc:derby:memory:" + name + ";create=true";
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
    String createDatabase(String name) throws SQLException {
      try (Connection admin = PostgresExtension.server().getPostgresDatabase().getConnection();
          Statement statement = admin.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      return PostgresExtension.server().getJdbcUrl("postgres", name);
    }

    @Override
    void dropDatabase(String name) throws SQLException {
      try (Connection admin = PostgresExtension.server().getPostgresDatabase().getConnection();
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  };

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** Lists the SQL of transactions waiting for a lock right now. */
  final String blockedStatementsSql;

  DatabaseKind(String blockedStatementsSql) {
    this.blockedStatementsSql = blockedStatementsSql;
  }

  /** A new, empty database (no schema yet). */
  public TestDatabase freshDatabase() {
    String name = "dm_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
    try {
      return new TestDatabase(this, name, createDatabase(name));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + " on " + this, e);
    }
  }

  abstract String createDatabase(String name) throws SQLException;

  abstract void dropDatabase(String name) throws SQLException;
}
