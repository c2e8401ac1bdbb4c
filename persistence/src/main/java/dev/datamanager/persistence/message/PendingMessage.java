package dev.datamanager.persistence.message;

import dev.datamanager.api.record.RecordKey;
import java.time.Instant;

/** A message waiting for its record's owner to consume it; {@code body} is null where only ids were read. */
public record PendingMessage(RecordKey key, String id, Instant sentAt, String body) {}
