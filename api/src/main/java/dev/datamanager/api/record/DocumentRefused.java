package dev.datamanager.api.record;

import java.time.Instant;

/**
 * This one record's document is over the size limit, so it was not written (nor released); the writer still owns it
 * and its lease was renewed at {@code leaseRenewedAt}. The other records of the batch are not affected.
 */
public record DocumentRefused(RecordKey key, long sizeBytes, long maxBytes, Instant leaseRenewedAt)
    implements CommitOutcome, ReleaseOutcome {}
