package dev.datamanager.core.job;

import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.api.error.UpgradeThisNodeException;
import dev.datamanager.api.job.JobRequest;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.migration.MigrationCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * Brings every record of a store to the latest migration step the starting node knows, as a new version with reason
 * {@code migration}, so records no player joins stop waiting for a join to be migrated. A record already there
 * (every held record whose owner knows the steps: a join migrates) is skipped.
 */
@ApplicationScoped
public class MigrateKind implements JobKind {

  static final String NAME = "migrate";
  private static final String SHAPE = " Send {\"kind\": \"migrate\"}.";

  @Inject DatabaseGateway database;
  @Inject MigrationCatalog migrations;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SaveReason reason() {
    return SaveReason.MIGRATION;
  }

  @Override
  public JsonObject parameters(String store, JobRequest request) {
    if (request.at() != null || request.patch() != null || request.where() != null) {
      throw new InvalidRequestException("A migrate job takes no \"at\", \"patch\" or \"where\": it applies the"
          + " store's migration steps to every record behind the latest." + SHAPE);
    }
    return Json.createObjectBuilder().add("schemaVersion", migrations.chain(store).latest()).build();
  }

  @Override
  public Optional<String> cannotRun(Job job) {
    int target = job.parameters().getInt("schemaVersion");
    int known = migrations.chain(job.store()).latest();
    return known >= target ? Optional.empty() : Optional.of("this node knows the migration steps of " + job.store()
        + " up to " + known + " only, and the job brings records to " + target);
  }

  @Override
  public Optional<RecordChange> change(Job job, RecordKey key) {
    int target = job.parameters().getInt("schemaVersion");
    int known = migrations.chain(key.store()).latest();
    Optional<RecordSnapshot> current = database.read(key);
    if (current.isEmpty() || current.get().schemaVersion() >= target) {
      return Optional.empty(); // erased since the job started, or already migrated (by a join, say)
    }
    if (known < target) {
      // A node of the release before took over the job during a rolling upgrade: it must not half-migrate.
      throw new UpgradeThisNodeException(key.store(), key.key(), target, known);
    }
    return Optional.of(RecordChange.migrate(target));
  }
}
