package dev.datamanager.core.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The node's counters and timers: joins by outcome, commits, batch sizes, locks lost, versions written and pruned,
 * messages sent, delivered and consumed, database errors.
 */
@ApplicationScoped
public class NodeMetrics {

  @Inject MetricRegistry registry;

  /** A join ended as {@code outcome}: created, loaded, refused or stolen. */
  public void join(String outcome) {
    registry.counter("datamanager_joins", new Tag("outcome", outcome)).inc();
  }

  public void commitBatch(int size, long nanos) {
    registry.counter("datamanager_commits").inc(size);
    registry.histogram("datamanager_commit_batch_size").update(size);
    registry.timer("datamanager_commit_batch_duration").update(Duration.ofNanos(nanos));
  }

  public void autosaveCycle(long nanos) {
    registry.timer("datamanager_autosave_cycle").update(Duration.ofNanos(nanos));
  }

  /** A join waited for a live owner to hand the record over; {@code outcome} is done or timeout. */
  public void handoff(String outcome, long nanos) {
    registry.timer("datamanager_handoff", new Tag("outcome", outcome)).update(Duration.ofNanos(nanos));
  }

  /** A trade ended as {@code outcome}: committed, refused, unavailable, unknown, or resolved later as either. */
  public void trade(String outcome) {
    registry.counter("datamanager_trades", new Tag("outcome", outcome)).inc();
  }

  /** Join-time migrations: {@code count} steps applied or skipped, or a record refused (failed, ahead). */
  public void migration(String outcome, long count) {
    if (count > 0) {
      registry.counter("datamanager_migrations", new Tag("outcome", outcome)).inc(count);
    }
  }

  /**
   * Shows the counters that alerts watch from the start, at 0: Prometheus's {@code rate} and {@code increase} see a
   * counter's first rise only when the counter was there before it.
   */
  public void showAlertedCounters() {
    for (String outcome : new String[] {"refused", "stolen"}) {
      registry.counter("datamanager_joins", new Tag("outcome", outcome));
    }
    for (String name : new String[] {"datamanager_locks_lost", "datamanager_database_errors",
        "datamanager_lease_unsafe", "datamanager_write_budget_waits"}) {
      registry.counter(name);
    }
  }

  /** Joins of this node that stole a stale lock, since it started. */
  public long steals() {
    return registry.counter("datamanager_joins", new Tag("outcome", "stolen")).getCount();
  }

  /** Sessions this node found taken by another node, since it started. */
  public long locksLost() {
    return registry.counter("datamanager_locks_lost").getCount();
  }

  public void lockLost() {
    registry.counter("datamanager_locks_lost").inc();
  }

  /** An update refused with 503 because this node's lease was not renewed lately: it cannot prove it owns the record. */
  public void leaseUnsafe() {
    registry.counter("datamanager_lease_unsafe").inc();
  }

  /** One record's document was over the size limit and not saved; the rest of its batch was. */
  public void documentRefused() {
    registry.counter("datamanager_documents_refused").inc();
  }

  /** A record restored to an earlier version by an admin or a job. */
  public void restore() {
    registry.counter("datamanager_restores").inc();
  }

  /**
   * This node wrote the versions of a record from {@code before} to {@code after}: a commit or release whose
   * version is past the one the session had counts each version it moved on (a creation counts from -1).
   */
  public void versionsWritten(long before, long after) {
    registry.counter("datamanager_versions_written").inc(Math.max(0, after - before));
  }

  /** A pruning pass deleted {@code count} versions (also 0, so the counter is there from the first pass). */
  public void versionsPruned(long count) {
    registry.counter("datamanager_versions_pruned").inc(count);
  }

  /** A record erased (data, versions, index rows) by an admin's request or a pending erasure's retry. */
  public void erasure() {
    registry.counter("datamanager_erasures").inc();
  }

  /** A message stored for a record (also 0, so the counter is there from the start). */
  public void messagesSent(long count) {
    registry.counter("datamanager_messages_sent").inc(count);
  }

  /** Messages that entered an inbox of a session on this node. */
  public void messagesDelivered(long count) {
    registry.counter("datamanager_messages_delivered").inc(count);
  }

  /** Messages a game consumed (acked) on this node. */
  public void messagesConsumed(long count) {
    registry.counter("datamanager_messages_consumed").inc(count);
  }

  public void databaseError() {
    registry.counter("datamanager_database_errors").inc();
  }

  public void budgetWait() {
    registry.counter("datamanager_write_budget_waits").inc();
  }

  public void templateMismatch(int count) {
    registry.counter("datamanager_template_type_mismatches").inc(count);
  }

  /** Registers a gauge read on every scrape, such as the number of sessions held. */
  public void gauge(String name, Supplier<Long> value) {
    registry.gauge(name, value);
  }
}
