package dev.datamanager.api.server;

import java.util.Map;

/** This node as reported by {@code GET /api/v1/server}: {@code draining} once it takes no new sessions. */
public record ServerInfo(String serverId, int sessionCount, boolean draining, Map<String, String> settings) {}
