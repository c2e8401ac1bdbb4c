package dev.datamanager.core.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The node's counters and timers: joins by outcome, commits, batch sizes, locks lost, database errors. */
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

  public void lockLost() {
    registry.counter("datamanager_locks_lost").inc();
  }

  /** One record's document was over the size limit and not saved; the rest of its batch was. */
  public void documentRefused() {
    registry.counter("datamanager_documents_refused").inc();
  }

  /** A record restored to an earlier version by an admin or a job. */
  public void restore() {
    registry.counter("datamanager_restores").inc();
  }

  /** A record erased (data, versions, index rows) by an admin's request or a pending erasure's retry. */
  public void erasure() {
    registry.counter("datamanager_erasures").inc();
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
