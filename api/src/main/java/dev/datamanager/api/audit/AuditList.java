package dev.datamanager.api.audit;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** One page of the audit trail, newest first; {@code next} is the cursor of the next page, null at the end. */
@JsonbNillable
public record AuditList(List<AuditEntryView> entries, String next) {}
