package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;

/** Raw HTTP calls the trade tests make: trades, held sessions with items, records and versions as JSON. */
final class TradeCalls {

  static final String STORE = "PlayerData";
  static final String TRADES = "/api/v1/stores/" + STORE + "/trades";
  static final String SESSIONS = "/api/v1/stores/" + STORE + "/sessions/";
  static final String RECORDS = "/api/v1/stores/" + STORE + "/records/";

  private final ApiNode node;

  TradeCalls(ApiNode node) {
    this.node = node;
  }

  HttpResponse<String> trade(String body) {
    return trade(body, node.game, null);
  }

  /** A trade sent by {@code user}, with an {@code Idempotency-Key} unless it is null. */
  HttpResponse<String> trade(String body, BasicCredentials user, String idempotencyKey) {
    return node.send(tradeRequest(node, TRADES, user, body, idempotencyKey));
  }

  static HttpRequest tradeRequest(ApiNode node, String path, BasicCredentials user, String body,
      String idempotencyKey) {
    HttpRequest.Builder request = node.request(path, user).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.build();
  }

  /** Joins {@code key}, gives it exactly {@code items} and saves, so that the record holds them too. */
  JsonObject hold(String key, String... items) {
    ok(node.send(node.request(SESSIONS + key, node.game).POST(BodyPublishers.noBody()).build()));
    String patch = Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "replace")
        .add("path", "/items").add("value", Json.createArrayBuilder(List.of(items)))).build().toString();
    ok(node.send(node.request(SESSIONS + key, node.game).header("Content-Type", "application/json-patch+json")
        .method("PATCH", BodyPublishers.ofString(patch)).build()));
    return ok(node.send(node.request(SESSIONS + key + "/save", node.game).POST(BodyPublishers.noBody()).build()));
  }

  /** Merge-patches the held session, which leaves it dirty. */
  JsonObject mergePatch(String key, String patch) {
    return ok(node.send(node.request(SESSIONS + key, node.game).header("Content-Type", "application/merge-patch+json")
        .method("PATCH", BodyPublishers.ofString(patch)).build()));
  }

  JsonObject session(String key) {
    return ok(node.send(node.request(SESSIONS + key, node.game).build()));
  }

  /** The committed record, read as admin. */
  JsonObject record(String key) {
    return ok(node.send(node.request(RECORDS + key, node.admin).build()));
  }

  /** Version {@code version} of {@code key}, with its reason and data. */
  JsonObject version(String key, long version) {
    return ok(node.send(node.request(RECORDS + key + "/versions/" + version, node.admin).build()));
  }

  /** The numbers of every version of {@code key}, oldest first. */
  List<Long> versions(String key) {
    return ok(node.send(node.request(RECORDS + key + "/versions?order=asc&limit=500", node.admin).build()))
        .getJsonArray("versions").stream().map(v -> v.asJsonObject().getJsonNumber("version").longValue()).toList();
  }

  static List<String> items(JsonObject sessionOrRecord) {
    return sessionOrRecord.getJsonObject("data").getJsonArray("items").getValuesAs(JsonString::getString);
  }

  static JsonObject ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), () -> response.request().method() + " " + response.request().uri()
        + ": " + response.body());
    return json(response.body());
  }
}
