package dev.datamanager.api.session;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** A record's committed state and lock, read without a session; {@code lock} is null when free. */
public record RecordView(
    String store, String key, JsonObject data, long version, LockView lock, Instant updatedAt,
    List<String> userIds, int schemaVersion) {}
