package dev.datamanager.core.lifecycle;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.persistence.record.ProcessBeats;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Beats for this process from start until the shutdown flush has released what it could. A lease renewal lags on
 * a starved node (an autosave working through a backlog) while the node still answers; its beat tells a joiner
 * that the owner is alive, so the join asks for a handoff and is refused instead of stealing the record, and the
 * owner's acknowledged updates are saved rather than fenced off.
 */
@ApplicationScoped
public class ProcessHeartbeat {

  private static final Logger LOG = Logger.getLogger(ProcessHeartbeat.class.getName());
  private static final Duration AT_MOST_EVERY = Duration.ofSeconds(1);
  /** How often the locks of gone processes are counted at most: a query over the held records, not every beat. */
  private static final Duration COUNT_GONE_EVERY = Duration.ofSeconds(15);
  /** A process silent this long is surely gone (at most; with short leases, half of lock.stale). */
  private static final Duration GONE_AFTER = Duration.ofSeconds(30);

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject SessionRegistry registry;
  @Inject NodeState state;
  @Inject NodeMetrics metrics;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> beating;
  private ScheduledFuture<?> counting;
  private volatile ProcessBeats.Figures last = new ProcessBeats.Figures(0, 0, 0, false, 0, 0);
  private final AtomicLong locksOfGoneNodes = new AtomicLong();
  private volatile Duration goneAfter = GONE_AFTER;

  /**
   * Starts beating, and the gauges an operator's alerts read: they show the figures of the last beat, so a scrape
   * costs nothing, and the locks of gone processes, which every surviving node counts from the shared database
   * (a node that failed its flush took its own metrics with it).
   */
  public synchronized void start() {
    long every = Math.max(10, Math.min(AT_MOST_EVERY.toMillis(), settings.lockStale().toMillis() / 4));
    metrics.showAlertedCounters();
    metrics.gauge("datamanager_autosave_lag_seconds", () -> last.autosaveLagMillis() / 1000);
    metrics.gauge("datamanager_autosave_interval_seconds", () -> settings.autosaveInterval().toSeconds());
    metrics.gauge("datamanager_draining", () -> state.draining() ? 1L : 0L);
    metrics.gauge("datamanager_locks_of_gone_nodes", locksOfGoneNodes::get);
    beating = scheduler.scheduleWithFixedDelay(this::beat, 0, every, TimeUnit.MILLISECONDS);
    // Three missed beats at least; short leases (tests) count sooner and more often, so a count comes before the
    // leases it counts turn stale.
    Duration stale = settings.lockStale();
    goneAfter = Duration.ofMillis(Math.max(3 * every, Math.min(GONE_AFTER.toMillis(), stale.toMillis() / 2)));
    long countEvery = Math.max(every, Math.min(COUNT_GONE_EVERY.toMillis(), stale.toMillis() / 8));
    counting = scheduler.scheduleWithFixedDelay(this::countLocksOfGoneNodes, 0, countEvery, TimeUnit.MILLISECONDS);
  }

  /** Stops beating and says so, so the leases left (sessions the flush could not save) speak for themselves. */
  public synchronized void stop() {
    if (beating != null) {
      beating.cancel(false);
      counting.cancel(false);
    }
    try {
      database.endBeat();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Could not end this process's beat; it goes silent instead: " + e.getMessage());
    }
  }

  /** This node now, for {@code GET /api/v1/nodes}: autosave lag is the age of the oldest dirty session's save. */
  ProcessBeats.Figures figures() {
    int sessions = 0;
    int dirty = 0;
    long oldestNanos = 0;
    long now = System.nanoTime();
    for (Map.Entry<RecordKey, HeldSession> entry : registry.entries()) {
      sessions++;
      HeldSession session = entry.getValue();
      if (session.isDirty()) {
        dirty++;
        oldestNanos = Math.max(oldestNanos, now - session.lease().confirmedNanos());
      }
    }
    return new ProcessBeats.Figures(sessions, dirty, TimeUnit.NANOSECONDS.toMillis(oldestNanos), state.draining(),
        metrics.steals(), metrics.locksLost());
  }

  // Never throws, like a beat; the gauge keeps its last count until the database answers again.
  private void countLocksOfGoneNodes() {
    try {
      locksOfGoneNodes.set(database.locksOfGoneProcesses(goneAfter));
    } catch (RuntimeException e) {
      LOG.fine(() -> "Could not count the locks of gone processes: " + e.getMessage());
    }
  }

  // Never throws: a failure would cancel the schedule, and a missed beat is the next one's job.
  private void beat() {
    try {
      last = figures();
      database.beat(last);
    } catch (RuntimeException e) {
      LOG.fine(() -> "Beat failed: " + e.getMessage());
    }
  }
}
