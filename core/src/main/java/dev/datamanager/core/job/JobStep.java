package dev.datamanager.core.job;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.error.LeaseUnsafeException;
import dev.datamanager.api.error.NoLongerMatchesException;
import dev.datamanager.api.error.RecordNotFoundException;
import dev.datamanager.api.error.SessionLeavingException;
import dev.datamanager.api.error.SessionRefusedException;
import dev.datamanager.api.error.ShuttingDownException;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.core.admin.AdminWrites;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.save.WriteBudget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One record of a job: changed lock-safely and at most once, or skipped, failed, or left for later. */
@ApplicationScoped
public class JobStep {

  private static final Logger LOG = Logger.getLogger(JobStep.class.getName());
  /** Row writes one change costs the write budget: the record, its version, the job's item. */
  static final int WRITES_PER_CHANGE = 3;

  @Inject DatabaseGateway database;
  @Inject JobTables tables;
  @Inject AdminWrites writes;
  @Inject WriteBudget budget;
  @Inject NodeMetrics metrics;

  StepOutcome handle(Job job, JobKind kind, String key) {
    RecordKey id = new RecordKey(job.store(), key);
    try {
      if (changedAlready(job, id)) {
        return StepOutcome.DONE; // by this job, before its runner died or lost it: never twice
      }
      Optional<RecordChange> change = kind.change(job, id);
      if (change.isEmpty()) {
        return StepOutcome.SKIPPED;
      }
      budget.take(WRITES_PER_CHANGE, WriteBudget.Priority.JOB);
      // The tag makes the write itself refuse a second change of this record by this job, whatever races it.
      writes.write(id, change.get(), new VersionNote(kind.reason(), job.createdBy(), job.id()));
      if (kind.reason() == SaveReason.RESTORE) {
        metrics.restore();
      }
      return StepOutcome.DONE;
    } catch (RecordNotFoundException gone) {
      return StepOutcome.SKIPPED; // erased since the job started
    } catch (NoLongerMatchesException changedMeanwhile) {
      return StepOutcome.SKIPPED; // the live data (a player's session, say) no longer matches the job's condition
    } catch (SessionRefusedException | SessionLeavingException | LeaseUnsafeException
        | DatabaseUnavailableException | ShuttingDownException busy) {
      return StepOutcome.later(busy.getMessage());
    } catch (DataManagerException refused) {
      return StepOutcome.failed(refused.getMessage());
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Job " + job.id() + " failed on " + id + ", incident " + incident, e);
      return StepOutcome.failed("The node failed unexpectedly on this record; report incident " + incident
          + " to the operators.");
    }
  }

  private boolean changedAlready(Job job, RecordKey id) {
    return database.call("look for the version of " + id + " tagged " + job.id(),
        () -> tables.tags().find(id, job.id())).isPresent();
  }
}
