package dev.datamanager.core.job;

import dev.datamanager.api.error.JobFinishedException;
import dev.datamanager.api.error.JobNotFoundException;
import dev.datamanager.api.job.JobList;
import dev.datamanager.api.job.JobView;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.job.JobLedger;
import dev.datamanager.persistence.job.JobRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Reads, lists and cancels jobs for the API. */
@ApplicationScoped
public class JobAdmin {

  @Inject DatabaseGateway database;
  @Inject JobTables tables;
  @Inject JobViews views;
  @Inject AuditLog audit;

  /** Up to {@code limit} jobs, newest first, after the page {@code cursor} ended (null: from the newest). */
  public JobList list(int limit, String cursor) {
    JobLedger.Position after = cursor == null ? null : JobCursor.parse(cursor);
    List<JobRow> rows = database.call("list jobs", () -> tables.ledger().page(after, limit + 1));
    List<JobRow> page = rows.subList(0, Math.min(limit, rows.size()));
    String next = null;
    if (rows.size() > limit) {
      JobRow last = page.get(page.size() - 1);
      next = JobCursor.of(new JobLedger.Position(last.startedAt(), last.id()));
    }
    return new JobList(page.stream().map(views::of).toList(), next);
  }

  public JobView get(String id) {
    return views.of(database.call("read job " + id, () -> tables.ledger().find(id))
        .orElseThrow(() -> new JobNotFoundException(id)));
  }

  /**
   * Asks the job's runner to stop between two records; the job shows {@code cancelled} once it has.
   *
   * @throws JobFinishedException if the job has already finished
   */
  public JobView cancel(String id, String user) {
    JobRow job;
    try {
      job = database.call("cancel job " + id, () -> tables.ledger().requestCancel(id));
    } catch (JobFinishedException e) {
      audit.record(user, AuditAction.JOB_CANCEL, id, "refused", e.getMessage());
      throw e;
    }
    audit.record(user, AuditAction.JOB_CANCEL, id, "ok", "cancel asked with " + handled(job) + " of "
        + job.total() + " records handled");
    return views.of(job);
  }

  private static long handled(JobRow job) {
    return job.done() + job.skipped() + job.failed();
  }
}
