package dev.datamanager.api.server;

import java.util.List;

/** The nodes seen lately, by server id. */
public record NodeList(List<NodeView> nodes) {}
