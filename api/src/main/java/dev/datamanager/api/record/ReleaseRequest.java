package dev.datamanager.api.record;

/** Another node asked the owner of {@code key} to save and release it, because a player joined there. */
public record ReleaseRequest(RecordKey key, String requester) {}
