package dev.datamanager.api.record;

/**
 * One record of a batched write: the data a session owner wants written under its generation.
 *
 * @param change the session's change number this data is at; writes of one session are applied in this order,
 *     so an older snapshot never overwrites a newer one, and a retry recognises its own earlier write
 * @param data the document, or null for a release of a session with nothing new to save
 */
public record CommitRequest(RecordKey key, String serverId, long generation, long change, String data) {}
