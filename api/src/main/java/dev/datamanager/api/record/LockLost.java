package dev.datamanager.api.record;

/**
 * The caller no longer owns the record with its generation (stolen, released, or never created), so
 * nothing was written; the session must be dropped.
 *
 * @param currentOwner the server id holding the lock now, or null when nobody does
 * @param currentGeneration the record's generation now (0 when the record does not exist)
 */
public record LockLost(RecordKey key, String currentOwner, long currentGeneration)
    implements CommitOutcome, ReleaseOutcome {}
