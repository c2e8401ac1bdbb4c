package dev.datamanager.api.server;

import java.time.Instant;

/**
 * One node as its last heartbeat described it: its server id, when its process started and last beat (database
 * clock), how long it has been silent, the sessions it holds and how many are dirty, the age in seconds of its
 * oldest dirty session's last save (above the autosave interval: autosave lags), whether it drains or shuts down,
 * and the records it stole and lost since it started.
 */
public record NodeView(String id, Instant startedAt, Instant lastSeen, long silentSeconds, int sessions, int dirty,
    long autosaveLagSeconds, boolean draining, long steals, long locksLost) {}
