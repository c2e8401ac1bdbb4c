package dev.datamanager.api.session;

import dev.datamanager.api.message.MessageView;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A session held by this node: its cached data, committed version and whether RAM is ahead of it, the user ids the
 * record holds data about, the migration step its document is at, and the messages pending for it, oldest first.
 */
public record SessionView(
    String store, String key, JsonObject data, long version, boolean dirty, LockView lock, List<String> userIds,
    int schemaVersion, List<MessageView> messages) {}
