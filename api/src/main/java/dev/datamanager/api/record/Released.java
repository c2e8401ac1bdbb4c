package dev.datamanager.api.record;

/** The final data is committed as {@code version} and no node holds the record any more. */
public record Released(RecordKey key, long version) implements ReleaseOutcome {}
