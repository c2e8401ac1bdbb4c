package dev.datamanager.core.database;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.persistence.record.RecordRepository;
import dev.datamanager.persistence.schema.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether this node has brought the schema up to date; a node that starts while the database is down tries again
 * later. On embedded Derby, which admits one process, every lock left in it is this node's previous run's, so the
 * first preparation frees them all instead of making its players wait {@code lock.stale}.
 */
@ApplicationScoped
public class SchemaState {

  private static final Logger LOG = Logger.getLogger(SchemaState.class.getName());

  private volatile boolean migrated;

  /** Migrates once per node lifetime; concurrent callers wait for the first. */
  public void ensureMigrated(DataSource dataSource, RecordRepository repository) {
    if (migrated) {
      return;
    }
    synchronized (this) {
      if (!migrated) {
        try {
          SchemaMigrator.migrate(dataSource);
          if (isEmbeddedDerby(dataSource)) {
            int freed = repository.freeAllLocks();
            LOG.info(() -> "Embedded Derby: freed " + freed + " locks left by this node's previous run");
          }
        } catch (RuntimeException | SQLException e) {
          throw new DatabaseUnavailableException("bring the schema up to date", e);
        }
        migrated = true;
        LOG.info("Database schema is up to date");
      }
    }
  }

  public boolean migrated() {
    return migrated;
  }

  private static boolean isEmbeddedDerby(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("derby");
    }
  }
}
