package dev.datamanager.core.job;

import dev.datamanager.persistence.job.JobItemRow;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Jobs by state (started, done, cancelled, failed), jobs running on this node, and records processed by outcome. */
@ApplicationScoped
public class JobMetrics {

  @Inject MetricRegistry registry;

  private final AtomicLong running = new AtomicLong();

  @PostConstruct
  void register() {
    registry.gauge("datamanager_jobs_running", running::get);
  }

  /** A job reached {@code state} on this node: started here, or finished by this node's runner. */
  void job(String state) {
    registry.counter("datamanager_jobs", new Tag("state", state)).inc();
  }

  void runningChanged(int delta) {
    running.addAndGet(delta);
  }

  /** One record handled by a job on this node. */
  void record(JobItemRow.State outcome) {
    registry.counter("datamanager_job_records", new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))).inc();
  }
}
