package dev.datamanager.core.job;

import dev.datamanager.api.job.JobRequest;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.SaveReason;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * What one kind of job does to one record; the framework does the rest (items, claims, heartbeats, lock-safe writes,
 * never twice, budget, cancel). The kinds are restore, patch and migrate.
 */
public interface JobKind {

  /** The kind's name in a start request and in a job body. */
  String name();

  /** The reason every version this kind writes carries. */
  SaveReason reason();

  /**
   * The kind's parameters from a start request of a job over {@code store}, normalized so that two requests asking the same thing give equal
   * JSON text (an idempotent repeat is recognised by it).
   *
   * @throws dev.datamanager.api.error.InvalidRequestException if a field it needs is missing or one it does not
   *     take is present
   */
  JsonObject parameters(String store, JobRequest request);

  /**
   * The change that brings {@code key} where the job wants it, judged now; empty when the record needs none (or no
   * longer exists): the job counts it skipped.
   */
  Optional<RecordChange> change(Job job, RecordKey key);

  /**
   * Why this node must leave {@code job} to others (a node of the release before, during a rolling upgrade, lacks
   * what the job needs); empty when it can run it.
   */
  default Optional<String> cannotRun(Job job) {
    return Optional.empty();
  }
}
