package dev.datamanager.api.record;

import java.time.Duration;

/**
 * Another node holds a lease that is not stale yet: the caller must not load the record.
 *
 * @param owner the server id holding the lock
 * @param leaseAge how long ago the owner last renewed, by the database clock
 * @param retryAfter how long until the lease becomes stale and can be stolen
 * @param standing whether the lease is recent (a save is surely in progress) or ageing toward stale
 */
public record Refused(
    RecordKey key, String owner, Duration leaseAge, Duration retryAfter, LeaseStanding standing)
    implements AcquireOutcome, UnheldWriteOutcome {}
