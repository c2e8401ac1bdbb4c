package dev.datamanager.core.trade;

import java.util.List;

/**
 * A trade as asked: its store and changes, who asked, and the Idempotency-Key it came with (or null).
 *
 * @param body the request body as sent, which a repeat with the same key must match
 */
public record TradeRequest(String store, List<TradeChange> changes, String user, String idempotencyKey,
    String body) {}
