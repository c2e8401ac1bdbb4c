package dev.datamanager.core.session;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseCall;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * A join that meets a live owner asks it to save and release, then retries for a bounded time, so a player who
 * moves between servers is not locked out for minutes; if the owner does not answer the join is refused as before.
 */
@ApplicationScoped
public class Handoff {

  private static final Duration RETRY_EVERY = Duration.ofMillis(50);

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject NodeMetrics metrics;

  public AcquireOutcome acquire(RecordKey id, String initialData) {
    AcquireOutcome outcome = DatabaseCall.of("join " + id, () -> database.acquire(id, initialData));
    if (!(outcome instanceof Refused) || settings.handoffWait().isZero()
        || !DatabaseCall.of("ask for " + id, () -> database.requestRelease(id))) {
      return outcome;
    }
    long started = System.nanoTime();
    long deadline = started + settings.handoffWait().toNanos();
    while (outcome instanceof Refused && System.nanoTime() < deadline) {
      sleep();
      outcome = DatabaseCall.of("join " + id, () -> database.acquire(id, initialData));
    }
    metrics.handoff(outcome instanceof Refused ? "timeout" : "done", System.nanoTime() - started);
    return outcome;
  }

  private static void sleep() {
    try {
      Thread.sleep(RETRY_EVERY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
