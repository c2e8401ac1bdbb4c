package dev.datamanager.api.audit;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/**
 * One admin action: when (database clock), which user, the action ({@code pin}, {@code restore}, …), its target
 * ({@code store/key@version}, a job id, a hashed user id), its outcome and an optional detail (null when none).
 */
@JsonbNillable
public record AuditEntryView(Instant at, String user, String action, String target, String outcome,
    String detail) {}
