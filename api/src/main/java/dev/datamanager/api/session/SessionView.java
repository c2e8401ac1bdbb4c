package dev.datamanager.api.session;

import jakarta.json.JsonObject;

/** A session held by this node: its cached data, committed version and whether RAM is ahead of it. */
public record SessionView(
    String store, String key, JsonObject data, long version, boolean dirty, LockView lock) {}
