package dev.datamanager.api.server;

import java.util.Map;

/** This node as reported by {@code GET /api/v1/server}. */
public record ServerInfo(String serverId, int sessionCount, Map<String, String> settings) {}
