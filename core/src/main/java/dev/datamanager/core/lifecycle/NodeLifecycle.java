package dev.datamanager.core.lifecycle;

import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.save.HandoffWatcher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
  @Inject HandoffWatcher handoffs;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> handoffPolling;

  @PostConstruct
  void started() {
    try {
      database.prepareSchema();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Database not ready at startup; the schema is migrated on first use", e);
    }
    long poll = settings.handoffPoll().toMillis();
    handoffPolling = scheduler.scheduleWithFixedDelay(handoffs::poll, poll, poll, TimeUnit.MILLISECONDS);
    LOG.info(() -> "DataManager node " + settings.serverId() + " started with " + settings.asMap());
  }

  @PreDestroy
  void stopping() {
    LOG.info(() -> "DataManager node " + settings.serverId() + " stopping: flushing sessions");
    node.beginShutdown();
    handoffPolling.cancel(false);
    flush.flush(settings.shutdownTimeout());
  }
}
