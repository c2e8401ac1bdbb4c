package dev.datamanager.persistence.record;

import java.time.Instant;

/**
 * Which of a record's versions to list: saved within {@code from}..{@code to} (inclusive, either may be null), in
 * version order ({@code ascending} or newest first), at most {@code limit}, after version {@code after} in that
 * order (null: from the start).
 */
public record VersionQuery(Instant from, Instant to, boolean ascending, int limit, Long after) {}
