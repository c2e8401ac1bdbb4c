package dev.datamanager.core.database;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.persistence.schema.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Whether this node has brought the schema up to date; a node that starts while the database is down tries again later. */
@ApplicationScoped
public class SchemaState {

  private static final Logger LOG = Logger.getLogger(SchemaState.class.getName());

  private volatile boolean migrated;

  /** Migrates once per node lifetime; concurrent callers wait for the first. */
  public void ensureMigrated(DataSource dataSource) {
    if (migrated) {
      return;
    }
    synchronized (this) {
      if (!migrated) {
        try {
          SchemaMigrator.migrate(dataSource);
        } catch (RuntimeException e) {
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
}
