package dev.datamanager.api.message;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A pending message: its id, when it was sent (database clock) and the JSON object sent. */
public record MessageView(String id, Instant sentAt, JsonObject body) {}
