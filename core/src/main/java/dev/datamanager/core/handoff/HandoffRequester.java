package dev.datamanager.core.handoff;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.LeaseStanding;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The joiner's side: a join that meets another owner asks it to save and release, then retries for
 * {@code handoff.wait}, so a player who moves between servers is not locked out for minutes. A stale lease is
 * stolen only after its owner had that chance, since a long database outage makes every live owner look dead.
 */
@ApplicationScoped
public class HandoffRequester {

  private static final Duration RETRY_EVERY = Duration.ofMillis(50);

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject NodeMetrics metrics;

  public AcquireOutcome acquire(RecordKey id, String initialData) {
    AcquireOutcome outcome = database.acquire(id, false, initialData);
    if (!(outcome instanceof Refused) || settings.handoffWait().isZero()) {
      return stealIfStale(id, outcome, initialData);
    }
    long started = System.nanoTime();
    if (database.requestRelease(id)) {
      long deadline = started + settings.handoffWait().toNanos();
      while (outcome instanceof Refused && System.nanoTime() < deadline) {
        sleep();
        outcome = database.acquire(id, false, initialData);
      }
    } else {
      outcome = database.acquire(id, false, initialData); // freed in between: nobody to ask
    }
    outcome = stealIfStale(id, outcome, initialData);
    metrics.handoff(outcome instanceof Refused ? "timeout" : "done", System.nanoTime() - started);
    return outcome;
  }

  private AcquireOutcome stealIfStale(RecordKey id, AcquireOutcome outcome, String initialData) {
    return outcome instanceof Refused refused && refused.standing() == LeaseStanding.STALE
        ? database.acquire(id, true, initialData)
        : outcome;
  }

  private static void sleep() {
    try {
      Thread.sleep(RETRY_EVERY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
