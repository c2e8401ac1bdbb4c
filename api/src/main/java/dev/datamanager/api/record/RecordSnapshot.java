package dev.datamanager.api.record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A record's committed state, read without taking its lock.
 *
 * @param lock the session lock, or null when no node holds the record
 * @param userIds the user ids the record holds data about
 */
public record RecordSnapshot(
    RecordKey key,
    String data,
    long version,
    long generation,
    int schemaVersion,
    Instant createdAt,
    Instant updatedAt,
    RecordLock lock,
    List<String> userIds) {

  public RecordSnapshot {
    userIds = List.copyOf(userIds);
  }

  public Optional<RecordLock> currentLock() {
    return Optional.ofNullable(lock);
  }
}
