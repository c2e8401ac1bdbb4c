package dev.datamanager.core.job;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.lifecycle.NodeState;
import dev.datamanager.persistence.job.JobRow;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every node's job runner: every {@code jobs.poll} it claims a running job nobody runs (new, or its runner's heartbeat
 * older than {@code jobs.takeover}) and runs it; one job at a time per node. On shutdown it hands its job over.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JobRunner {

  private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
  /** How long shutdown waits for the record in hand; a runner still busy after it is simply taken over later. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  @Inject NodeSettings node;
  @Inject NodeState state;
  @Inject JobSettings settings;
  @Inject DatabaseGateway database;
  @Inject JobTables tables;
  @Inject JobKinds kinds;
  @Inject JobExecution execution;

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopping;
  private ScheduledFuture<?> polling;

  @PostConstruct
  void start() {
    long poll = settings.poll().toMillis();
    polling = scheduler.scheduleWithFixedDelay(this::tick, poll, poll, TimeUnit.MILLISECONDS);
  }

  /** Looks for a job now rather than at the next poll: one was just started. */
  public void wake() {
    if (!stopping) {
      scheduler.execute(this::tick);
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    polling.cancel(false);
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    while (running.get() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** One look for a job; never throws, so the schedule that runs it is never cancelled by a failure. */
  private void tick() {
    if (stopping || state.shuttingDown() || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      claim().ifPresent(this::run);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Job poll failed; polling goes on", e);
    } finally {
      running.set(false);
    }
  }

  private Optional<JobRow> claim() {
    try {
      return database.background("look for a job to run", () -> tables.progress()
          .claim(node.serverId(), node.incarnation(), kinds.names(), settings.takeover()));
    } catch (DataManagerException e) {
      LOG.fine(() -> "Job poll failed, retried at the next one: " + e.getMessage());
      return Optional.empty();
    }
  }

  private void run(JobRow job) {
    try {
      execution.run(job, () -> stopping || state.shuttingDown());
    } catch (DataManagerException e) {
      // Still claimed by this process: the next poll picks it up again where it stopped.
      LOG.warning(() -> "Job " + job.id() + " paused: " + e.getMessage());
    }
  }
}
