package dev.datamanager.core.session;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * What a save writes: the document and user ids as they were at change number {@code changeCount}, under lease
 * {@code generation}.
 */
public record Snapshot(JsonObject document, long changeCount, long generation, long version, List<String> userIds,
    int schemaVersion) {}
