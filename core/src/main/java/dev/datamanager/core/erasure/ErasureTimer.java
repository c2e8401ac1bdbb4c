package dev.datamanager.core.erasure;

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
 * Ticks every 10 seconds on every node and retries the pending erasures that are due, skipping a tick while the
 * previous pass still runs; how often one record is tried is {@code datamanager.erasure.retry}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ErasureTimer {

  private static final Logger LOG = Logger.getLogger(ErasureTimer.class.getName());

  @Inject PendingErasureRetry retry;
  @Inject NodeState node;

  private final AtomicBoolean running = new AtomicBoolean();

  // Not persistent: a persistent automatic timer exists once per shared timer database; every node runs this one,
  // and the claim of each pending erasure keeps two nodes from trying the same record at once.
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void tick() {
    if (node.shuttingDown() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      int erased = retry.run();
      if (erased > 0) {
        LOG.info(() -> erased + " pending erasures done");
      }
    } catch (DataManagerException e) {
      LOG.fine(() -> "Pending erasures not retried now: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Pending erasure pass failed; it runs again on the next tick", e);
    } finally {
      running.set(false);
    }
  }
}
