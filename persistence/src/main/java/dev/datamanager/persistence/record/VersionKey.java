package dev.datamanager.persistence.record;

/** One version of one record, by its primary key; also where a thinning pass goes on from. */
public record VersionKey(String store, String key, long version) {}
