package dev.datamanager.core.handoff;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.LeaseStanding;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.persistence.record.SchemaMigration;
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

  /**
   * What a join's last acquire answered, and when that call was sent: a lease it granted is dated from then, never
   * from the start of a join that waited for a handoff.
   */
  public record Attempt(AcquireOutcome outcome, long sentNanos) {}

  public Attempt acquire(RecordKey id, String initialData, SchemaMigration migration) {
    Attempt attempt = attempt(id, false, initialData, migration);
    if (!(attempt.outcome() instanceof Refused) || settings.handoffWait().isZero()) {
      return stealIfStale(id, attempt, initialData, migration);
    }
    long started = System.nanoTime();
    if (database.requestRelease(id)) {
      long deadline = started + settings.handoffWait().toNanos();
      while (attempt.outcome() instanceof Refused && System.nanoTime() < deadline) {
        sleep();
        attempt = attempt(id, false, initialData, migration);
      }
    } else {
      attempt = attempt(id, false, initialData, migration); // freed in between: nobody to ask
    }
    attempt = stealIfStale(id, attempt, initialData, migration);
    metrics.handoff(attempt.outcome() instanceof Refused ? "timeout" : "done", System.nanoTime() - started);
    return attempt;
  }

  private Attempt attempt(RecordKey id, boolean steal, String initialData, SchemaMigration migration) {
    long sent = System.nanoTime();
    return new Attempt(database.acquire(id, steal, initialData, migration), sent);
  }

  private Attempt stealIfStale(RecordKey id, Attempt attempt, String initialData, SchemaMigration migration) {
    return attempt.outcome() instanceof Refused refused && refused.standing() == LeaseStanding.STALE
        ? attempt(id, true, initialData, migration)
        : attempt;
  }

  private static void sleep() {
    try {
      Thread.sleep(RETRY_EVERY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
