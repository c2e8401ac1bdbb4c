package dev.datamanager.api.message;

import java.time.Instant;

/** A message stored for its record: the id its ack names, and when it was sent (database clock). */
public record MessageSent(String id, Instant sentAt) {}
