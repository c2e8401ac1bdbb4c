package dev.datamanager.api.record;

import java.time.Duration;
import java.time.Instant;

/** Who holds a record's session lock, and how old the lease is by the database clock. */
public record RecordLock(String owner, long generation, Instant leaseRenewedAt, Duration leaseAge) {}
