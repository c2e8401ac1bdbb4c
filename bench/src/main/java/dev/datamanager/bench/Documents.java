package dev.datamanager.bench;

import dev.datamanager.core.session.JsonDocuments;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/** Player documents of a chosen size, shaped like the PlayerData template with a long inventory. */
final class Documents {

  static final String TEMPLATE = "{\"coins\":0,\"gems\":0,\"level\":1,\"items\":[],\"inventory\":{\"items\":[],"
      + "\"capacity\":20},\"settings\":{\"music\":true,\"sfx\":true,\"volume\":0.8,\"language\":\"en\"}}";

  private static final JsonProvider JSON = JsonProvider.provider();

  private Documents() {}

  /** A document of at least {@code bytes} of compact JSON; {@code seed} makes every document's values its own. */
  static String ofSize(int bytes, long seed) {
    StringBuilder items = new StringBuilder();
    int item = 0;
    int fixed = 160;
    while (fixed + items.length() < bytes) {
      if (item > 0) {
        items.append(',');
      }
      items.append("{\"id\":\"item-").append(seed).append('-').append(item)
          .append("\",\"count\":").append(item % 97).append(",\"rarity\":\"common\",\"equipped\":false}");
      item++;
    }
    return "{\"coins\":" + seed + ",\"gems\":" + (seed % 1000) + ",\"level\":" + (seed % 60)
        + ",\"items\":[],\"inventory\":{\"items\":[" + items + "],\"capacity\":" + Math.max(20, item) + "},"
        + "\"settings\":{\"music\":true,\"sfx\":true,\"volume\":0.8,\"language\":\"en\"}}";
  }

  /** Parses as the node parses a stored document. */
  static JsonObject parse(String json) {
    return JsonDocuments.parse(json);
  }

  static JsonObject template() {
    return parse(TEMPLATE);
  }

  /**
   * A merge patch that sets the coins, the commonest update of a game; built through one provider, since {@code
   * Json.create…} looks the provider up (a ServiceLoader scan) on every call, which is no part of an update's cost.
   */
  static JsonObject coins(long value) {
    return JSON.createObjectBuilder().add("coins", value).build();
  }
}
