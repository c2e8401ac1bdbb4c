package dev.datamanager.persistence.audit;

import java.time.Instant;

/**
 * Which audit entries to read, newest first: at {@code from}..{@code to} (inclusive, either may be null), of
 * {@code action} (null: any), at most {@code limit}, after {@code after} (null: from the newest).
 */
public record AuditQuery(Instant from, Instant to, String action, int limit, AuditPosition after) {}
