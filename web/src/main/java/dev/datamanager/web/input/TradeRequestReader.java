package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidNameException;
import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.core.trade.TradeChange;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a trade body, {@code {"changes": [{"key", "patch": [operations]}, …]}}, or refuses it with a 400. */
public final class TradeRequestReader {

  /** The most parties one trade may change. */
  public static final int MAX_PARTIES = 16;

  private static final Pattern VALID_KEY = Pattern.compile(InvalidNameException.RULE);
  private static final String SHAPE = " A trade body is {\"changes\": [{\"key\": \"Player_1\", \"patch\": [JSON Patch"
      + " operations]}, …]}.";

  private TradeRequestReader() {}

  public static List<TradeChange> changes(JsonObject body) {
    if (body == null) {
      throw new InvalidRequestException("A trade needs a body." + SHAPE);
    }
    JsonValue changes = body.get("changes");
    if (changes == null || changes.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidRequestException("\"changes\" must be an array." + SHAPE);
    }
    List<JsonValue> items = changes.asJsonArray();
    if (items.isEmpty() || items.size() > MAX_PARTIES) {
      throw new InvalidRequestException("\"changes\" must hold 1 to " + MAX_PARTIES + " changes, not " + items.size()
          + "." + SHAPE);
    }
    List<TradeChange> parties = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      parties.add(change(i, items.get(i)));
    }
    return parties;
  }

  private static TradeChange change(int index, JsonValue item) {
    String where = "changes[" + index + "]";
    if (item.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException(where + " must be an object." + SHAPE);
    }
    JsonObject change = item.asJsonObject();
    JsonValue key = change.get("key");
    if (key == null || key.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidRequestException(where + ".key must be a string." + SHAPE);
    }
    String name = change.getString("key");
    if (!VALID_KEY.matcher(name).matches()) {
      throw new InvalidNameException("key", name.length() > 60 ? name.substring(0, 60) + "…" : name);
    }
    JsonValue patch = change.get("patch");
    if (patch == null || patch.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidRequestException(where + ".patch must be an array of JSON Patch operations." + SHAPE);
    }
    return new TradeChange(name, patch.asJsonArray());
  }
}
