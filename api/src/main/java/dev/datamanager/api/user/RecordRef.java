package dev.datamanager.api.user;

/** One record named by its store and key, as the answer of a user erasure lists it. */
public record RecordRef(String store, String key) {}
