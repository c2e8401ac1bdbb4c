package dev.datamanager.api.record;

import java.time.Instant;

/**
 * The record holds the session's data up to change {@code change} as {@code version}, and the lease was renewed at
 * {@code leaseRenewedAt} (database clock). {@code change} may be newer than the request's when a later snapshot of
 * the same session was already stored; then nothing was written.
 */
public record Committed(RecordKey key, long version, Instant leaseRenewedAt, long change) implements CommitOutcome {}
