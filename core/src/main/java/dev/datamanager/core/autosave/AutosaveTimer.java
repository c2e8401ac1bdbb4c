package dev.datamanager.core.autosave;

import dev.datamanager.core.lifecycle.NodeState;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Ticks every second and runs one autosave pass, skipping a tick while the previous pass still runs. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AutosaveTimer {

  private static final Logger LOG = Logger.getLogger(AutosaveTimer.class.getName());

  @Inject AutosavePass pass;
  @Inject NodeState node;

  private final AtomicBoolean running = new AtomicBoolean();

  // Not persistent: a persistent automatic timer exists once per shared timer database, so only one node would save.
  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void tick() {
    if (node.shuttingDown() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      pass.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Autosave pass failed; the sessions stay dirty and are retried", e);
    } finally {
      running.set(false);
    }
  }
}
