package dev.datamanager.core.job;

import dev.datamanager.api.job.JobError;
import dev.datamanager.api.job.JobView;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.job.JobRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** A job row as callers see it, with the first errors of the records it could not change. */
@ApplicationScoped
public class JobViews {

  /** A job body lists at most this many errors. */
  static final int ERRORS = 100;

  @Inject DatabaseGateway database;
  @Inject JobTables tables;

  JobView of(JobRow row) {
    List<JobError> errors = new ArrayList<>();
    if (row.detail() != null) {
      errors.add(new JobError(null, row.detail()));
    }
    if (row.failed() > 0) {
      database.call("read the errors of job " + row.id(), () -> tables.ledger().failures(row.id(), ERRORS))
          .forEach(item -> errors.add(new JobError(item.key(), item.detail())));
    }
    return new JobView(row.id(), row.kind(), row.store(), row.state().wire(), row.total(), row.done(),
        row.skipped(), row.failed(), errors, row.startedAt(), row.finishedAt());
  }
}
