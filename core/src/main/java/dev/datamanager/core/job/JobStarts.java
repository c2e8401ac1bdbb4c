package dev.datamanager.core.job;

import dev.datamanager.api.job.JobMatch;
import dev.datamanager.api.job.JobMatches;
import dev.datamanager.api.job.JobRequest;
import dev.datamanager.api.job.JobView;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.template.TemplateCatalog;
import dev.datamanager.persistence.job.JobLedger;
import dev.datamanager.persistence.job.NewJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Starts jobs (once per idempotency key) and answers dry runs, which store nothing. */
@ApplicationScoped
public class JobStarts {

  private static final int SCAN_BATCH = 200;

  @Inject DatabaseGateway database;
  @Inject JobTables tables;
  @Inject JobKinds kinds;
  @Inject TemplateCatalog templates;
  @Inject JobViews views;
  @Inject JobRunner runner;
  @Inject JobMetrics metrics;
  @Inject AuditLog audit;

  /**
   * Starts a job over every record {@code store} holds now; an {@code idempotencyKey} this user sent in the last 24 h
   * answers that first job and starts nothing.
   */
  public JobView start(String store, JobRequest request, String user, String idempotencyKey) {
    JobKind kind = kinds.of(request.kind());
    templates.template(store); // an unknown store is a 404 before anything is stored
    JsonObject parameters = kind.parameters(store, request);
    NewJob job = new NewJob(UUID.randomUUID().toString(), kind.name(), store, parameters.toString(), user,
        idempotencyKey);
    JobLedger.Start start = database.call("start a " + kind.name() + " job on " + store,
        () -> tables.ledger().start(job));
    if (start.created()) {
      metrics.job("started");
      audit.record(user, AuditAction.JOB_START, job.id(), "ok", kind.name() + " of " + store + " " + parameters
          + ": " + start.job().total() + " records");
      runner.wake();
    }
    return views.of(start.job());
  }

  /** The first {@link JobMatches#LIMIT} records, in key order, that the job would change now; stores nothing. */
  public JobMatches dryRun(String store, JobRequest request) {
    JobKind kind = kinds.of(request.kind());
    templates.template(store);
    Job job = new Job(null, kind.name(), store, kind.parameters(store, request), null);
    List<JobMatch> matches = new ArrayList<>();
    String after = "";
    while (matches.size() < JobMatches.LIMIT) {
      String from = after;
      List<String> keys = database.call("list the records of " + store,
          () -> tables.ledger().storeKeys(store, from, SCAN_BATCH));
      for (String key : keys) {
        if (matches.size() < JobMatches.LIMIT && kind.change(job, new RecordKey(store, key)).isPresent()) {
          matches.add(new JobMatch(key));
        }
      }
      if (keys.size() < SCAN_BATCH) {
        break;
      }
      after = keys.get(keys.size() - 1);
    }
    return new JobMatches(matches);
  }
}
