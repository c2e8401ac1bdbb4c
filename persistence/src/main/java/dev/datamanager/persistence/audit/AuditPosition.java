package dev.datamanager.persistence.audit;

import java.time.Instant;

/** Where a page of the audit trail ends: the time and id of its last entry (entries are ordered by both). */
public record AuditPosition(Instant at, String id) {}
