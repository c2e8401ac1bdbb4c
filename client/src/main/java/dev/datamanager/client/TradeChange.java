package dev.datamanager.client;

import jakarta.json.JsonArray;
import java.util.Objects;

/** One side of a trade: the key of a session held on the node, and the JSON Patch (RFC 6902) for its record. */
public record TradeChange(String key, JsonArray patch) {

  public TradeChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(patch, "patch");
  }
}
