package dev.datamanager.core.job;

import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.job.JobLedger;
import dev.datamanager.persistence.job.JobProgress;
import dev.datamanager.persistence.record.VersionTags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The job repositories of this node, reached through {@link DatabaseGateway#call}. */
@ApplicationScoped
public class JobTables {

  @Inject DatabaseGateway database;

  private JobLedger ledger;
  private JobProgress progress;
  private VersionTags tags;

  @PostConstruct
  void open() {
    ledger = new JobLedger(database.entityManagerFactory());
    progress = new JobProgress(database.entityManagerFactory());
    tags = new VersionTags(database.entityManagerFactory());
  }

  /** Starts, reads, lists and cancels jobs. */
  JobLedger ledger() {
    return ledger;
  }

  /** Claims, heartbeats and per-record progress of the runner. */
  JobProgress progress() {
    return progress;
  }

  /** The versions a job wrote, by its id. */
  VersionTags tags() {
    return tags;
  }
}
