package dev.datamanager.core.autosave;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.save.SessionExit;
import dev.datamanager.core.save.SessionSaver;
import dev.datamanager.core.save.WriteBudget;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** One autosave pass: pending releases first, then due dirty sessions in batches, then lease renewals. */
@ApplicationScoped
public class AutosavePass {

  static final int BATCH_SIZE = 200;
  static final Duration TICK = Duration.ofSeconds(1);
  private static final Logger LOG = Logger.getLogger(AutosavePass.class.getName());

  @Inject NodeSettings settings;
  @Inject SessionRegistry registry;
  @Inject SessionSaver saver;
  @Inject SessionExit exit;
  @Inject NodeMetrics metrics;

  public void run() {
    long started = System.nanoTime();
    List<Map.Entry<RecordKey, HeldSession>> entries = registry.entries();
    retryReleases(entries);
    List<Map.Entry<RecordKey, HeldSession>> due = due(entries);
    try {
      for (List<Map.Entry<RecordKey, HeldSession>> batch : batches(due.stream().filter(e -> e.getValue().isDirty()).toList())) {
        saver.commit(batch, WriteBudget.Priority.AUTOSAVE);
      }
      for (List<Map.Entry<RecordKey, HeldSession>> batch : batches(due.stream().filter(e -> !e.getValue().isDirty()).toList())) {
        saver.renew(batch);
      }
    } catch (DatabaseUnavailableException e) {
      // The rest of this pass would fail the same way; every session keeps its data and backs off.
      LOG.warning(() -> "Autosave stopped for this tick: " + e.getMessage());
    }
    registry.forgetGone(settings.lockStale().multipliedBy(2));
    metrics.autosaveCycle(System.nanoTime() - started);
  }

  /**
   * Held sessions whose last save is older than the interval, oldest first, at most a share of all sessions per
   * tick, so sessions joined together spread over the interval instead of all saving in one burst.
   */
  private List<Map.Entry<RecordKey, HeldSession>> due(List<Map.Entry<RecordKey, HeldSession>> entries) {
    Duration interval = settings.autosaveInterval();
    long ticksPerInterval = Math.max(1, interval.toMillis() / TICK.toMillis());
    long share = Math.max(BATCH_SIZE, 2 * ((entries.size() + ticksPerInterval - 1) / ticksPerInterval));
    List<Map.Entry<RecordKey, HeldSession>> held = entries.stream()
        .filter(e -> e.getValue().phase() == HeldSession.Phase.HELD && e.getValue().lease().mayRetryNow())
        .toList();
    return oldestFirst(held, System.nanoTime() - interval.toNanos(), share);
  }

  /**
   * The sessions last confirmed at or before {@code dueNanos}, oldest first, at most {@code limit}. Each session's
   * confirmation time is read once: sorting on a value that moves while the sort runs (a commit confirming a
   * session meanwhile, or the clock read again at each comparison) breaks the sort's contract and throws.
   */
  static <K> List<Map.Entry<K, HeldSession>> oldestFirst(List<Map.Entry<K, HeldSession>> sessions, long dueNanos,
      long limit) {
    record Confirmed<E>(E entry, long nanos) {}
    return sessions.stream()
        .map(e -> new Confirmed<>(e, e.getValue().lease().confirmedNanos()))
        .filter(c -> c.nanos() - dueNanos <= 0)
        .sorted(Comparator.comparingLong((Confirmed<Map.Entry<K, HeldSession>> c) -> c.nanos()))
        .limit(limit)
        .map(Confirmed::entry)
        .toList();
  }

  /** Releases (leave, handoff, shutdown) that failed or whose outcome is unknown are completed, with backoff. */
  private void retryReleases(List<Map.Entry<RecordKey, HeldSession>> entries) {
    for (Map.Entry<RecordKey, HeldSession> entry : entries) {
      if (entry.getValue().releaseToRetry()) {
        try {
          exit.release(entry.getKey(), entry.getValue());
        } catch (DataManagerException e) {
          LOG.fine(() -> "Release of " + entry.getKey() + " not done yet: " + e.getMessage());
        }
      }
    }
  }

  static <T> List<List<T>> batches(List<T> items) {
    int count = (items.size() + BATCH_SIZE - 1) / BATCH_SIZE;
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> items.subList(i * BATCH_SIZE, Math.min(items.size(), (i + 1) * BATCH_SIZE)))
        .toList();
  }
}
