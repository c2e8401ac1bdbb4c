package dev.datamanager.core.lifecycle;

import dev.datamanager.core.config.NodeSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Announces the node when the application starts and when it stops. */
@Singleton
@Startup
public class NodeLifecycle {

  private static final Logger LOG = Logger.getLogger(NodeLifecycle.class.getName());

  @Inject NodeSettings settings;

  @PostConstruct
  void started() {
    LOG.info(() -> "DataManager node " + settings.serverId() + " started with " + settings.asMap());
  }

  @PreDestroy
  void stopping() {
    LOG.info(() -> "DataManager node " + settings.serverId() + " stopping");
  }
}
