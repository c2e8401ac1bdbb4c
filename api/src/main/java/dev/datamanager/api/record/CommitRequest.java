package dev.datamanager.api.record;

/** One record of a batched commit: the data a session owner wants written under its generation. */
public record CommitRequest(RecordKey key, String serverId, long generation, String data) {}
