package dev.datamanager.persistence.audit;

import java.util.List;

/** One page of audit entries, newest first; {@code next} is where the next page starts, null at the end. */
public record AuditPage(List<AuditEntry> entries, AuditPosition next) {}
