package dev.datamanager.core.trade;

import jakarta.json.JsonArray;

/** One party of a trade: the key of a session held here and the JSON Patch its document takes. */
public record TradeChange(String key, JsonArray patch) {}
