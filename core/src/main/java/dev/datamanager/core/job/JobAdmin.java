package dev.datamanager.core.job;

import dev.datamanager.api.error.JobFinishedException;
import dev.datamanager.api.error.JobNotFoundException;
import dev.datamanager.api.job.JobView;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.paging.Cursor;
import dev.datamanager.core.paging.Page;
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

  /**
   * Up to {@code limit} jobs, newest first, after the page that gave out {@code cursor} (null: from the newest). The
   * cursor holds the start time and id of the last job of that page.
   */
  public Page<JobView> list(int limit, Cursor cursor) {
    JobLedger.Position after = cursor == null ? null
        : new JobLedger.Position(cursor.instant(0, 2), cursor.text(1, 2));
    List<JobRow> rows = database.call("list jobs", () -> tables.ledger().page(after, limit + 1));
    List<JobRow> page = rows.subList(0, Math.min(limit, rows.size()));
    Cursor next = null;
    if (rows.size() > limit) {
      JobRow last = page.get(page.size() - 1);
      next = Cursor.of(last.startedAt().toString(), last.id());
    }
    return new Page<>(page.stream().map(views::of).toList(), next);
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
