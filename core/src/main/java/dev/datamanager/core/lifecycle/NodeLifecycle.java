package dev.datamanager.core.lifecycle;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.migration.MigrationCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Prepares the schema when the node starts, and saves and releases every session before it stops. */
@Singleton
@Startup
public class NodeLifecycle {

  private static final Logger LOG = Logger.getLogger(NodeLifecycle.class.getName());

  @Inject NodeSettings settings;
  @Inject NodeState node;
  @Inject DatabaseGateway database;
  @Inject ShutdownFlush flush;
  @Inject OwnerPolling polls;
  @Inject ProcessHeartbeat heartbeat;
  @Inject MigrationCatalog migrations;

  @PostConstruct
  void started() {
    try {
      database.prepareSchema();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Database not ready at startup; the schema is migrated on first use", e);
    }
    verifyMigrations();
    heartbeat.start();
    polls.start();
    LOG.info(() -> "DataManager node " + settings.serverId() + " (process " + settings.incarnation()
        + ") started with " + settings.asMap());
  }

  /**
   * A changed migration step or a wrong migrations folder stops the node from starting (the exception fails the
   * application's start); an unreachable database only postpones the check to each store's first join.
   */
  private void verifyMigrations() {
    try {
      migrations.verifyAll();
    } catch (DatabaseUnavailableException e) {
      LOG.log(Level.WARNING, "Database not ready at startup; migration steps are checked at each store's first join",
          e);
    } catch (RuntimeException e) {
      LOG.severe(() -> "DataManager node " + settings.serverId() + " does not start: " + e.getMessage());
      throw e;
    }
  }

  @PreDestroy
  void stopping() {
    LOG.info(() -> "DataManager node " + settings.serverId() + " stopping: flushing sessions");
    node.beginShutdown();
    polls.stop();
    flush.flush(settings.shutdownTimeout());
    heartbeat.stop();
  }
}
