package dev.datamanager.api.record;

/** What a release did: the final data was saved and the lock cleared, or the lock was already lost. */
public sealed interface ReleaseOutcome permits Released, LockLost, DocumentRefused {

  RecordKey key();
}
