package dev.datamanager.api.version;

import jakarta.json.JsonObject;
import java.time.Instant;

/** One kept version of a record with its document. */
public record VersionView(String store, String key, long version, Instant savedAt, String savedBy, String reason,
    boolean pinned, JsonObject data) {}
