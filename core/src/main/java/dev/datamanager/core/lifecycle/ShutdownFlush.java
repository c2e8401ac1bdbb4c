package dev.datamanager.core.lifecycle;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.save.SessionExit;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Saves and releases every held session before the node stops, within a time budget. */
@ApplicationScoped
public class ShutdownFlush {

  private static final Logger LOG = Logger.getLogger(ShutdownFlush.class.getName());

  @Inject SessionRegistry registry;
  @Inject SessionExit exit;

  /**
   * Releases sessions until none are left or the budget is spent, retrying failed ones while time remains.
   *
   * @return the sessions it could not flush (logged by name)
   */
  public List<RecordKey> flush(Duration budget) {
    long started = System.nanoTime();
    long deadline = started + budget.toNanos();
    int total = registry.size();
    while (registry.size() > 0 && System.nanoTime() < deadline) {
      for (Map.Entry<RecordKey, HeldSession> entry : registry.entries()) {
        if (System.nanoTime() >= deadline) {
          break;
        }
        try {
          entry.getValue().lease().markLeaving();
          exit.release(entry.getKey(), entry.getValue());
        } catch (DataManagerException e) {
          // A lost lock is already dropped; a database failure is retried while the budget lasts.
          LOG.fine(() -> "Shutdown release of " + entry.getKey() + " failed: " + e.getMessage());
        }
      }
    }
    List<RecordKey> left = registry.entries().stream().map(Map.Entry::getKey).toList();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (left.isEmpty()) {
      LOG.info(() -> "Shutdown flush saved and released " + total + " sessions in " + took.toMillis() + " ms");
    } else {
      LOG.severe(() -> "Shutdown flush could not save " + left.size() + " of " + total + " sessions within "
          + budget + ": " + left.stream().map(RecordKey::toString).collect(Collectors.joining(", ")));
    }
    return left;
  }
}
