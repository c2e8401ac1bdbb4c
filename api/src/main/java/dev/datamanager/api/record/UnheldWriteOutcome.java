package dev.datamanager.api.record;

/**
 * What a lock-safe admin write of a record no session holds ended with: written (as a new version), erased, left as
 * it was, no such record, or refused because a node holds it ({@link Refused}).
 */
public interface UnheldWriteOutcome {

  /** The change was written as version {@code version}. */
  record Written(RecordKey key, long version) implements UnheldWriteOutcome {}

  /** The record, its versions and its user-id index rows are gone. */
  record Erased(RecordKey key) implements UnheldWriteOutcome {}

  /** Nothing needed writing (a migration of a record at its latest step); {@code version} is its current one. */
  record Unchanged(RecordKey key, long version) implements UnheldWriteOutcome {}

  /** There is no such record. */
  record Missing(RecordKey key) implements UnheldWriteOutcome {}
}
