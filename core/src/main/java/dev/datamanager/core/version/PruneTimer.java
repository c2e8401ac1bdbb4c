package dev.datamanager.core.version;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.core.lifecycle.NodeState;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ticks every second and starts a pruning pass once {@code datamanager.versions.prune-interval} has passed since the
 * last one began; passes never overlap. Every node prunes: passes of several nodes may meet and are safe together.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PruneTimer {

  private static final Logger LOG = Logger.getLogger(PruneTimer.class.getName());

  @Inject PrunePass pass;
  @Inject RetentionSettings settings;
  @Inject NodeState node;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile long nextPassNanos;
  private volatile boolean scheduled;

  // Not persistent: a persistent automatic timer exists once per shared timer database. The node's clock only
  // paces the passes; every age is judged on the database clock.
  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void tick() {
    long now = System.nanoTime();
    if (!scheduled) {
      nextPassNanos = now + settings.pruneInterval().toNanos(); // the first pass waits one interval after start
      scheduled = true;
      return;
    }
    if (node.shuttingDown() || now - nextPassNanos < 0 || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      nextPassNanos = now + settings.pruneInterval().toNanos();
      int deleted = pass.run();
      LOG.fine(() -> "Pruning pass deleted " + deleted + " versions");
    } catch (DataManagerException e) {
      LOG.warning(() -> "Pruning pass stopped; the next pass goes on: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Pruning pass failed; the next pass goes on", e);
    } finally {
      running.set(false);
    }
  }
}
