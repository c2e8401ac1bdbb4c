package dev.datamanager.core.session;

import jakarta.json.JsonObject;

/** What a save writes: the document as it was at change number {@code changeCount}, under lease {@code generation}. */
public record Snapshot(JsonObject document, long changeCount, long generation, long version) {}
