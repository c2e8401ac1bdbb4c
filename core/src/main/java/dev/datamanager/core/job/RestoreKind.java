package dev.datamanager.core.job;

import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.api.job.JobRequest;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.persistence.record.RecordVersion;
import dev.datamanager.persistence.record.VersionHistory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * Point-in-time restore of a store: each record gets back the latest version saved at or before {@code at}, as a new
 * version (reason {@code restore}). A record with no version by then, or already equal to it, is skipped.
 */
@ApplicationScoped
public class RestoreKind implements JobKind {

  static final String NAME = "restore";
  private static final String SHAPE = " Send {\"kind\": \"restore\", \"at\": \"2026-11-25T20:00:00Z\"}.";

  @Inject DatabaseGateway database;

  private VersionHistory history;

  @PostConstruct
  void open() {
    history = new VersionHistory(database.entityManagerFactory());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SaveReason reason() {
    return SaveReason.RESTORE;
  }

  @Override
  public JsonObject parameters(String store, JobRequest request) {
    if (request.at() == null) {
      throw new InvalidRequestException("A restore job needs \"at\": the instant to bring the store back to." + SHAPE);
    }
    if (request.patch() != null || request.where() != null) {
      throw new InvalidRequestException("A restore job takes no \"patch\" or \"where\"; those belong to patch jobs."
          + SHAPE);
    }
    return Json.createObjectBuilder().add("at", request.at().toString()).build();
  }

  @Override
  public Optional<RecordChange> change(Job job, RecordKey key) {
    Instant at = Instant.parse(job.parameters().getString("at"));
    Optional<RecordVersion> target = database.call("find the version of " + key + " at " + at,
        () -> history.latestAtOrBefore(key, at));
    if (target.isEmpty()) {
      return Optional.empty(); // nothing was saved by then: there is nothing to bring back
    }
    Optional<RecordSnapshot> current = database.read(key);
    if (current.isEmpty()) {
      return Optional.empty(); // erased since the job started
    }
    // A held record goes to its owner whatever the committed data says: its session may hold changes not saved yet.
    if (current.get().lock() == null
        && JsonDocuments.parse(current.get().data()).equals(JsonDocuments.parse(target.get().data()))) {
      return Optional.empty();
    }
    return Optional.of(RecordChange.replace(target.get().data()));
  }
}
