package dev.datamanager.api.record;

import java.time.Instant;

/** The data was written as {@code version} and the lease renewed at {@code leaseRenewedAt} (database clock). */
public record Committed(RecordKey key, long version, Instant leaseRenewedAt) implements CommitOutcome {}
