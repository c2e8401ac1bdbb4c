package dev.datamanager.api.record;

/** What a join's load-and-lock did: the session was acquired, or another node's lease refused it. */
public sealed interface AcquireOutcome permits Acquired, Refused {

  RecordKey key();
}
