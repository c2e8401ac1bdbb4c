package dev.datamanager.api.job;

import jakarta.json.JsonValue;
import java.time.Instant;

/**
 * A job start as the caller sent it, each field checked for its syntax only; which fields a kind needs is the kind's
 * to say.
 *
 * @param at the point in time of a {@code restore}, or null
 * @param patch the JSON Patch of a {@code patch} job as sent, or null
 * @param where the record filter of a {@code patch} job as sent, or null
 */
public record JobRequest(String kind, boolean dryRun, Instant at, JsonValue patch, JsonValue where) {}
