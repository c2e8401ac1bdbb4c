package dev.datamanager.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings a database's schema up to the current changelog; every node calls it once at startup.
 *
 * <p>Liquibase's own lock table is not enough when nodes start together on an empty database: it
 * creates its changelog table outside that lock, and a node failing there leaves the lock row set
 * for minutes. So the whole migration runs under a lock that vanishes with its holder: a PostgreSQL
 * session advisory lock (on embedded Derby, which only one JVM can open, an in-JVM lock).
 */
public final class SchemaMigrator {

  static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
  /** Advisory lock id: "DataMgr1" as a 64-bit number, unlikely to collide with other applications. */
  private static final long ADVISORY_LOCK = 0x446174614d677231L;
  private static final Object IN_PROCESS = new Object();
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
  private static final int ATTEMPTS = 5;

  private SchemaMigrator() {}

  /** Applies every pending change set, retrying a few times (e.g. while the database comes up). */
  public static void migrate(DataSource dataSource) {
    for (int attempt = 1; ; attempt++) {
      try {
        migrateOnce(dataSource);
        return;
      } catch (Exception e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("Schema migration failed after " + ATTEMPTS + " attempts", e);
        }
        LOG.log(Level.WARNING, "Schema migration attempt " + attempt + " failed, retrying: " + e);
        pause(attempt);
      }
    }
  }

  private static void migrateOnce(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres = connection.getMetaData().getDatabaseProductName()
          .toLowerCase(Locale.ROOT).contains("postgres");
      if (!postgres) {
        synchronized (IN_PROCESS) {
          Scope.child(settings(), () -> update(connection));
        }
        return;
      }
      execute(connection, "SELECT pg_advisory_lock(" + ADVISORY_LOCK + ")");
      try {
        Scope.child(settings(), () -> update(connection));
      } finally {
        // A pooled connection outlives this call: the session lock must be given back explicitly.
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        execute(connection, "SELECT pg_advisory_unlock(" + ADVISORY_LOCK + ")");
      }
    }
  }

  private static Map<String, Object> settings() {
    return Map.of(
        Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
        "liquibase.analytics.enabled", false, // a node must not phone home
        "liquibase.changeLogLockPollRate", 1,
        "liquibase.changeLogLockWaitTimeInMinutes", 2);
  }

  private static void update(Connection connection) throws LiquibaseException {
    Database database =
        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    // We hold the migration lock, so a set Liquibase lock row can only be left by a node that died.
    LockServiceFactory.getInstance().getLockService(database).forceReleaseLock();
    new CommandScope(UpdateCommandStep.COMMAND_NAME)
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
        .execute();
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(200L * attempt + (long) (Math.random() * 200));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while migrating the schema", e);
    }
  }
}
