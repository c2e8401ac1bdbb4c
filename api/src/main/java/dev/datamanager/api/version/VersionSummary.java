package dev.datamanager.api.version;

import java.time.Instant;

/**
 * One kept version in a list: when it was saved (database clock), by which node or admin, why ({@code create},
 * {@code autosave}, {@code save}, {@code leave}, …), its size in bytes of UTF-8 JSON, and whether it is pinned.
 */
public record VersionSummary(long version, Instant savedAt, String savedBy, String reason, long bytes,
    boolean pinned) {}
