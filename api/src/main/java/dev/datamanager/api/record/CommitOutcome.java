package dev.datamanager.api.record;

/** What a fenced commit did: the data was written, or the lock was lost and nothing was written. */
public sealed interface CommitOutcome permits Committed, LockLost, DocumentRefused {

  RecordKey key();
}
