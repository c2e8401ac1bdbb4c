package dev.datamanager.core.job;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.job.JobRow;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Runs one job this node claimed, in key order, {@code jobs.parallel} records at a time, until it is done, cancelled,
 * taken over by another node or this node stops; a heartbeat proves meanwhile that its runner lives. A record that is
 * busy (held by a node that does not answer, the database away) stays pending and is tried again after the others.
 */
@ApplicationScoped
public class JobExecution {

  private static final Logger LOG = Logger.getLogger(JobExecution.class.getName());
  private static final int BATCH = 100;
  private static final Duration ROUND_PAUSE = Duration.ofSeconds(1);
  /** A busy record is given up once a dead owner's lease would long be stealable. */
  private static final Duration GIVE_UP_AFTER_STALE = Duration.ofMinutes(1);

  @Inject NodeSettings node;
  @Inject JobSettings settings;
  @Inject DatabaseGateway database;
  @Inject JobTables tables;
  @Inject JobKinds kinds;
  @Inject JobStep step;
  @Inject JobMetrics metrics;

  @Resource ManagedScheduledExecutorService scheduler;

  void run(JobRow claimed, BooleanSupplier stopping) {
    Job job;
    try {
      job = Job.of(claimed);
    } catch (RuntimeException e) {
      end(claimed.id(), JobRow.State.FAILED, "The job's parameters cannot be read: " + e.getMessage());
      return;
    }
    JobKind kind = kinds.find(job.kind()).orElseThrow();
    Optional<String> cannotRun = kind.cannotRun(job);
    if (cannotRun.isPresent()) {
      handOver(job);
      LOG.info(() -> "Job " + job.id() + " left to other nodes: " + cannotRun.get());
      return;
    }
    RunnerWatch watch = new RunnerWatch(stopping, claimed.cancelRequested());
    long every = settings.heartbeat().toMillis();
    ScheduledFuture<?> heartbeat = scheduler.scheduleWithFixedDelay(() -> beat(job, watch), every, every,
        TimeUnit.MILLISECONDS);
    metrics.runningChanged(1);
    LOG.info(() -> "Running job " + job.id() + " (" + job.kind() + " of " + job.store() + "), " + claimed.done()
        + " done, " + claimed.skipped() + " skipped, " + claimed.failed() + " failed of " + claimed.total());
    try {
      work(job, kind, watch);
    } finally {
      heartbeat.cancel(false);
      metrics.runningChanged(-1);
    }
  }

  private void work(Job job, JobKind kind, RunnerWatch watch) {
    Map<String, Long> busySince = new ConcurrentHashMap<>();
    String after = "";
    while (!stopped(job, watch)) {
      String from = after;
      List<String> keys = database.call("read the pending records of job " + job.id(),
          () -> tables.progress().pendingKeys(job.id(), from, BATCH));
      if (keys.isEmpty()) {
        if (after.isEmpty()) {
          end(job.id(), JobRow.State.DONE, null);
          return;
        }
        after = ""; // a new round for the records that were busy
        if (!busySince.isEmpty()) {
          pause(ROUND_PAUSE);
        }
        continue;
      }
      handleAll(job, kind, keys, watch, busySince);
      after = keys.get(keys.size() - 1);
    }
  }

  /**
   * Handles {@code keys}, up to {@code jobs.parallel} at once, and returns once none is in flight: a stop, a cancel
   * or a takeover is acted on only then, so nothing of this runner is written after it.
   */
  private void handleAll(Job job, JobKind kind, List<String> keys, RunnerWatch watch, Map<String, Long> busySince) {
    Semaphore slots = new Semaphore(settings.parallel());
    List<Future<?>> inFlight = new ArrayList<>();
    try {
      for (String key : keys) {
        if (watch.lost() || watch.cancelled() || watch.stopping()) {
          break;
        }
        slots.acquire();
        inFlight.add(scheduler.submit(() -> {
          try {
            handleOne(job, kind, key, watch, busySince);
          } finally {
            slots.release();
          }
        }));
      }
      RuntimeException failure = null;
      for (Future<?> task : inFlight) {
        try {
          task.get();
        } catch (ExecutionException e) {
          failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r
              : new IllegalStateException(e.getCause());
        }
      }
      if (failure != null) {
        throw failure; // the database went away: the runner pauses, the records not recorded stay pending
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      inFlight.forEach(task -> task.cancel(true));
      throw new DatabaseUnavailableException("run job " + job.id() + " (interrupted)", e);
    }
  }

  private void handleOne(Job job, JobKind kind, String key, RunnerWatch watch, Map<String, Long> busySince) {
    StepOutcome outcome = step.handle(job, kind, key);
    if (outcome.later()) {
      long since = busySince.computeIfAbsent(key, k -> System.nanoTime());
      long giveUp = node.lockStale().plus(GIVE_UP_AFTER_STALE).toNanos();
      if (System.nanoTime() - since < giveUp) {
        return;
      }
      outcome = StepOutcome.failed("Given up after " + Duration.ofNanos(System.nanoTime() - since).toSeconds()
          + " s of trying: " + outcome.detail());
    }
    busySince.remove(key);
    StepOutcome ended = outcome;
    watch.heard(database.call("record the progress of job " + job.id(), () -> tables.progress()
        .record(job.id(), node.serverId(), node.incarnation(), key, ended.state(), ended.detail())));
    metrics.record(ended.state());
  }

  /** Whether to stop before the next record; if so the job is left as it must be: cancelled, released or alone. */
  private boolean stopped(Job job, RunnerWatch watch) {
    if (watch.lost()) {
      LOG.warning(() -> "Job " + job.id() + " was taken over by another node; this node stops running it");
      return true;
    }
    if (watch.cancelled()) {
      end(job.id(), JobRow.State.CANCELLED, null);
      return true;
    }
    if (watch.stopping()) {
      handOver(job);
      LOG.info(() -> "Job " + job.id() + " handed over: this node is stopping");
      return true;
    }
    return false;
  }

  private void handOver(Job job) {
    database.call("hand job " + job.id() + " over", () -> {
      tables.progress().release(job.id(), node.serverId(), node.incarnation());
      return null;
    });
  }

  private void end(String id, JobRow.State state, String detail) {
    boolean ended = database.call("end job " + id, () -> tables.progress()
        .finish(id, node.serverId(), node.incarnation(), state, detail));
    if (ended) {
      metrics.job(state.wire());
      LOG.info(() -> "Job " + id + " " + state.wire() + (detail == null ? "" : ": " + detail));
    }
  }

  private void beat(Job job, RunnerWatch watch) {
    try {
      watch.heard(database.call("renew the heartbeat of job " + job.id(),
          () -> tables.progress().heartbeat(job.id(), node.serverId(), node.incarnation())));
    } catch (RuntimeException e) {
      // Never let the schedule die; if the database stays away, the takeover bound decides who runs the job.
      LOG.fine(() -> "Heartbeat of job " + job.id() + " failed: " + e.getMessage());
    }
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
