package dev.datamanager.api.record;

import java.time.Instant;
import java.util.List;

/**
 * The lock is now held by the caller with a new {@code generation}, the fencing token every later
 * commit, renew and release must present.
 *
 * @param data the committed JSON document (the initial data when {@code created})
 * @param version the committed version (0 for a record created by this acquire)
 * @param created no record existed; it was created from the initial data
 * @param stolen another node held a stale lease and lost it; {@code previousOwner} names it
 * @param previousOwner the node that held the lock before, or null when the record was free
 * @param leaseRenewedAt the new lease, stamped by the database clock
 * @param userIds the user ids the record holds data about
 * @param schemaVersion the migration step the stored document is at
 */
public record Acquired(
    RecordKey key,
    String data,
    long version,
    long generation,
    boolean created,
    boolean stolen,
    String previousOwner,
    Instant leaseRenewedAt,
    List<String> userIds,
    int schemaVersion)
    implements AcquireOutcome {

  public Acquired {
    userIds = List.copyOf(userIds);
  }

  /** A record without user ids at schema version 0 (no migration step applied). */
  public Acquired(RecordKey key, String data, long version, long generation, boolean created, boolean stolen,
      String previousOwner, Instant leaseRenewedAt) {
    this(key, data, version, generation, created, stolen, previousOwner, leaseRenewedAt, List.of(), 0);
  }
}
