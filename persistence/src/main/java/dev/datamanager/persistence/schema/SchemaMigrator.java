package dev.datamanager.persistence.schema;

import java.sql.Connection;
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
import liquibase.resource.ClassLoaderResourceAccessor;

/** Brings a database's schema up to the current changelog; every node calls it once at startup. */
public final class SchemaMigrator {

  static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
  private static final int ATTEMPTS = 5;

  private SchemaMigrator() {}

  /**
   * Applies every pending change set. Concurrent callers queue on Liquibase's lock table; when two
   * fresh nodes race to create that table itself, the loser fails once and succeeds on retry.
   */
  public static void migrate(DataSource dataSource) {
    for (int attempt = 1; ; attempt++) {
      try {
        migrateOnce(dataSource);
        return;
      } catch (Exception e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException("Schema migration failed after " + ATTEMPTS + " attempts", e);
        }
        LOG.log(Level.INFO, "Schema migration attempt " + attempt + " failed, retrying", e);
        pause(attempt);
      }
    }
  }

  private static void migrateOnce(DataSource dataSource) throws Exception {
    Map<String, Object> settings = Map.of(
        Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
        // A node must not phone home, and waiting nodes should notice the lock's release quickly.
        "liquibase.analytics.enabled", false,
        "liquibase.changeLogLockPollRate", 1,
        "liquibase.changeLogLockWaitTimeInMinutes", 2);
    try (Connection connection = dataSource.getConnection()) {
      Scope.child(settings, () -> update(connection));
    }
  }

  private static void update(Connection connection) throws LiquibaseException {
    Database database =
        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    new CommandScope(UpdateCommandStep.COMMAND_NAME)
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
        .execute();
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
