package dev.datamanager.core.lifecycle;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.record.DocumentRefused;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.ReleaseOutcome;
import dev.datamanager.core.save.SessionExit;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.trade.UnresolvedTrades;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Saves and releases every held session before the node stops, within a time budget. */
@ApplicationScoped
public class ShutdownFlush {

  private static final Logger LOG = Logger.getLogger(ShutdownFlush.class.getName());

  private static final int BATCH_SIZE = 200;
  private static final Duration BUSY_PAUSE = Duration.ofMillis(20);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

  @Inject SessionRegistry registry;
  @Inject SessionExit exit;
  @Inject UnresolvedTrades trades;

  /**
   * Releases sessions until none are left or the budget is spent, retrying failed ones while time remains.
   *
   * @return the sessions it could not flush (logged by name)
   */
  public List<RecordKey> flush(Duration budget) {
    long started = System.nanoTime();
    long deadline = started + budget.toNanos();
    // From here no join can add a session behind the flush's back; every session is in entries() below.
    registry.close();
    int total = registry.size();
    Set<RecordKey> unsaveable = new HashSet<>();
    while (System.nanoTime() < deadline) {
      List<Map.Entry<RecordKey, HeldSession>> entries =
          registry.entries().stream().filter(entry -> !unsaveable.contains(entry.getKey())).toList();
      if (entries.isEmpty()) {
        break;
      }
      if (!trades.isEmpty()) {
        trades.resolve(); // a trade's sessions are released once its outcome is read back, never one side alone
      }
      int claimed = 0;
      for (int from = 0; from < entries.size() && System.nanoTime() < deadline; from += BATCH_SIZE) {
        List<Map.Entry<RecordKey, HeldSession>> batch = entries.subList(from, Math.min(entries.size(), from + BATCH_SIZE));
        try {
          List<ReleaseOutcome> outcomes = exit.releaseBatch(batch);
          claimed += outcomes.size();
          outcomes.stream().filter(DocumentRefused.class::isInstance).map(ReleaseOutcome::key).forEach(unsaveable::add);
        } catch (DataManagerException e) {
          // Retried while the budget lasts; lost locks are already dropped by the batch itself.
          LOG.warning(() -> "Shutdown flush of " + batch.size() + " sessions failed, retrying: " + e.getMessage());
          pause(RETRY_PAUSE);
        }
      }
      if (claimed == 0) {
        pause(BUSY_PAUSE); // every session left has a write in flight; its release follows once that ends
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

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
