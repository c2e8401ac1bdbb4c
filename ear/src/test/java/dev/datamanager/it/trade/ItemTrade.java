package dev.datamanager.it.trade;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** Bodies of {@code POST …/trades}: changes of several keys, each a JSON Patch. */
public final class ItemTrade {

  private final JsonArrayBuilder changes = Json.createArrayBuilder();

  private ItemTrade() {}

  public static ItemTrade of() {
    return new ItemTrade();
  }

  /** One item moves: the giver must still hold it at {@code index} ({@code test}), loses it; the receiver gains it. */
  public static String move(String giver, int index, String item, String receiver) {
    return of().change(giver, give(item, index)).change(receiver, receive(item)).body();
  }

  /** Adds the change of {@code key}. */
  public ItemTrade change(String key, JsonArray patch) {
    changes.add(Json.createObjectBuilder().add("key", key).add("patch", patch));
    return this;
  }

  public String body() {
    return json().toString();
  }

  public JsonObject json() {
    return Json.createObjectBuilder().add("changes", changes).build();
  }

  /** Tests that {@code /items/index} is {@code item}, then removes it. */
  public static JsonArray give(String item, int index) {
    String path = "/items/" + index;
    return Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "test").add("path", path).add("value", item))
        .add(Json.createObjectBuilder().add("op", "remove").add("path", path))
        .build();
  }

  /** Appends {@code item} to {@code /items}. */
  public static JsonArray receive(String item) {
    return Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "add").add("path", "/items/-").add("value", item))
        .build();
  }
}
