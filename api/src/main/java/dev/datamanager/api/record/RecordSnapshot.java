package dev.datamanager.api.record;

import java.time.Instant;
import java.util.Optional;

/**
 * A record's committed state, read without taking its lock.
 *
 * @param lock the session lock, or null when no node holds the record
 */
public record RecordSnapshot(
    RecordKey key,
    String data,
    long version,
    long generation,
    int schemaVersion,
    Instant createdAt,
    Instant updatedAt,
    RecordLock lock) {

  public Optional<RecordLock> currentLock() {
    return Optional.ofNullable(lock);
  }
}
