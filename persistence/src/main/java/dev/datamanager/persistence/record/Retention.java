package dev.datamanager.persistence.record;

import java.time.Duration;

/**
 * How long versions are kept: every version for {@code keep}; the newest {@code min} of each record, the current one
 * and pinned ones always; autosave versions older than {@code thinAfter} only the latest of each hour.
 */
public record Retention(Duration keep, int min, Duration thinAfter) {}
