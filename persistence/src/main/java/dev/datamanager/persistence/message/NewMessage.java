package dev.datamanager.persistence.message;

import dev.datamanager.api.record.RecordKey;

/**
 * A message to store: its id (chosen by the sender's node, so a retried insert recognises its own earlier commit),
 * its record, its sender, its JSON body and that body's size in bytes.
 */
public record NewMessage(String id, RecordKey key, String sender, String body, long bytes) {}
