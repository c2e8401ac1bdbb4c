package dev.datamanager.persistence.record;

/**
 * What one pruning transaction did: {@code deleted} versions, and where the pass goes on from ({@code next}; null
 * when the pass found nothing more to look at).
 */
public record PruneBatch(int deleted, VersionKey next) {}
