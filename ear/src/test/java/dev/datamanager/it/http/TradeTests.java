package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static dev.datamanager.it.http.Problems.json;
import static dev.datamanager.it.http.TradeCalls.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.datamanager.it.trade.ItemTrade;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trade endpoint on one node: items move between two or three held sessions in one commit (a {@code trade}
 * version of every record, the version the answer shows), and every refusal (a failed patch, a repeated key, a key not
 * held, a bad body, a reused Idempotency-Key, the support role) changes neither a session nor a record.
 */
abstract class TradeTests extends OneNodePerClass {

  TradeCalls calls;

  TradeTests(NodeDatabase database) {
    super("trades", database);
  }

  @BeforeAll
  void calls() {
    calls = new TradeCalls(node);
  }

  @Test
  void aTwoPartyTradeMovesTheItemsAndCommitsBothRecordsAsTradeVersions() {
    long a = calls.hold("Two_A", "sword", "shield").getJsonNumber("version").longValue();
    long b = calls.hold("Two_B", "potion").getJsonNumber("version").longValue();
    String body = ItemTrade.of()
        .change("Two_A", concat(ItemTrade.give("sword", 0), ItemTrade.receive("potion")))
        .change("Two_B", concat(ItemTrade.give("potion", 0), ItemTrade.receive("sword")))
        .body();

    List<JsonObject> sessions = traded(calls.trade(body), "Two_A", "Two_B");
    assertEquals(List.of("shield", "potion"), items(sessions.get(0)));
    assertEquals(List.of("sword"), items(sessions.get(1)));
    assertEquals(List.of(a + 1, b + 1), sessions.stream().map(s -> s.getJsonNumber("version").longValue()).toList(),
        "one new version of each record");
  }

  @Test
  void aThreePartyTradeIsAnsweredInRequestOrderAfterOneCommitOfAll() {
    calls.hold("Three_A", "ring");
    calls.hold("Three_B", "bow");
    calls.hold("Three_C", "cape");
    String body = ItemTrade.of()
        .change("Three_C", concat(ItemTrade.give("cape", 0), ItemTrade.receive("bow")))
        .change("Three_A", concat(ItemTrade.give("ring", 0), ItemTrade.receive("cape")))
        .change("Three_B", concat(ItemTrade.give("bow", 0), ItemTrade.receive("ring")))
        .body();

    List<JsonObject> sessions = traded(calls.trade(body), "Three_C", "Three_A", "Three_B");
    assertEquals(List.of(List.of("bow"), List.of("cape"), List.of("ring")),
        sessions.stream().map(TradeCalls::items).toList());
  }

  @Test
  void aTradeOfDirtySessionsCommitsTheirEarlierChangesToo() {
    calls.hold("Dirty_A", "axe");
    calls.hold("Dirty_B");
    calls.mergePatch("Dirty_A", "{\"coins\":11}");
    calls.mergePatch("Dirty_B", "{\"gems\":4}");
    assertEquals(true, calls.session("Dirty_A").getBoolean("dirty"));

    List<JsonObject> sessions = traded(calls.trade(ItemTrade.move("Dirty_A", 0, "axe", "Dirty_B")),
        "Dirty_A", "Dirty_B");
    JsonObject a = calls.record("Dirty_A");
    JsonObject b = calls.record("Dirty_B");
    assertEquals(List.of(11, List.of()), List.of(a.getJsonObject("data").getInt("coins"), items(a)),
        "A's earlier change is committed with the trade");
    assertEquals(List.of(4, List.of("axe")), List.of(b.getJsonObject("data").getInt("gems"), items(b)),
        "B's earlier change is committed with the trade");
    assertEquals(sessions.get(1).getJsonObject("data"), b.getJsonObject("data"));
  }

  @Test
  void aFailingPatchIs422NamingItsKeyAndChangesNothing() {
    calls.hold("Fail_A", "sword");
    calls.hold("Fail_B", "potion");
    calls.mergePatch("Fail_A", "{\"coins\":3}"); // dirty: RAM ahead of the record, both must stay as they are
    Map<String, JsonObject> before = snapshot("Fail_A", "Fail_B");

    String secondFails = ItemTrade.of()
        .change("Fail_A", concat(ItemTrade.give("sword", 0), ItemTrade.receive("ghost")))
        .change("Fail_B", concat(ItemTrade.give("ghost", 0), ItemTrade.receive("sword")))
        .body();
    refused(422, "patch-failed", "Fail_B", calls.trade(secondFails));
    assertEquals(before, snapshot("Fail_A", "Fail_B"), "the first change was not applied either");

    String firstFails = ItemTrade.of()
        .change("Fail_A", concat(ItemTrade.give("sword", 1), ItemTrade.receive("potion")))
        .change("Fail_B", concat(ItemTrade.give("potion", 0), ItemTrade.receive("sword")))
        .body();
    refused(422, "patch-failed", "Fail_A", calls.trade(firstFails));
    String missingTarget = ItemTrade.of()
        .change("Fail_A", ItemTrade.receive("potion"))
        .change("Fail_B", json("{\"p\":[{\"op\":\"remove\",\"path\":\"/nope\"}]}").getJsonArray("p"))
        .body();
    refused(422, "patch-failed", "Fail_B", calls.trade(missingTarget));
    assertEquals(before, snapshot("Fail_A", "Fail_B"), "nothing changed");
  }

  @Test
  void aRepeatedKeyIs422AndChangesNothing() {
    calls.hold("Twice_A", "sword");
    calls.hold("Twice_B");
    Map<String, JsonObject> before = snapshot("Twice_A", "Twice_B");
    String body = ItemTrade.of()
        .change("Twice_A", ItemTrade.give("sword", 0))
        .change("Twice_B", ItemTrade.receive("sword"))
        .change("Twice_A", ItemTrade.receive("sword"))
        .body();
    refused(422, "trade-key-repeated", "Twice_A", calls.trade(body));
    assertEquals(before, snapshot("Twice_A", "Twice_B"));
  }

  @Test
  void aKeyNotHeldHereIs409NamingItAndChangesNothing() {
    calls.hold("Here_A", "sword");
    calls.hold("Left_B");
    assertEquals(204, node.send(node.request(TradeCalls.SESSIONS + "Left_B", node.game).DELETE().build())
        .statusCode());
    Map<String, JsonObject> before = snapshot("Here_A");
    JsonObject leftRecord = calls.record("Left_B");

    refused(409, "not-held-here", "Left_B", calls.trade(ItemTrade.move("Here_A", 0, "sword", "Left_B")));
    refused(409, "not-held-here", "Never_B", calls.trade(ItemTrade.move("Here_A", 0, "sword", "Never_B")));
    assertEquals(before, snapshot("Here_A"));
    assertEquals(leftRecord, calls.record("Left_B"));
    assertProblem(404, node.send(node.request(TradeCalls.RECORDS + "Never_B", node.admin).build()));
  }

  @Test
  void anUnknownStoreIs404() {
    calls.hold("Store_A", "sword");
    Map<String, JsonObject> before = snapshot("Store_A");
    HttpResponse<String> answer = node.send(TradeCalls.tradeRequest(node, "/api/v1/stores/NoSuchStore/trades",
        node.game, ItemTrade.move("Store_A", 0, "sword", "Store_B"), null));
    assertEquals("urn:datamanager:problem:unknown-store", assertProblem(404, answer).getString("type"));
    assertEquals(before, snapshot("Store_A"));
  }

  @Test
  void badBodiesAre400AndChangeNothing() {
    calls.hold("Bad_A", "sword");
    Map<String, JsonObject> before = snapshot("Bad_A");
    String give = ItemTrade.give("sword", 0).toString();
    for (String body : List.of(
        "[]",
        "\"trade\"",
        "{}",
        "{\"changes\":{}}",
        "{\"changes\":[]}",
        "{\"changes\":null}",
        "{\"changes\":[\"Bad_A\"]}",
        "{\"changes\":[{\"key\":\"Bad_A\"}]}",
        "{\"changes\":[{\"key\":\"Bad_A\",\"patch\":{\"op\":\"remove\",\"path\":\"/items/0\"}}]}",
        "{\"changes\":[{\"key\":\"Bad_A\",\"patch\":null}]}",
        "{\"changes\":[{\"patch\":" + give + "}]}",
        "{\"changes\":[{\"key\":\"Bad A\",\"patch\":" + give + "}]}",
        "{\"changes\":[{\"key\":\"" + "K".repeat(51) + "\",\"patch\":" + give + "}]}",
        "{\"changes\":[{\"key\":\"\",\"patch\":" + give + "}]}",
        "{\"changes\":[{\"key\":7,\"patch\":" + give + "}]}",
        "{\"changes\":[{\"key\":\"Bad_A\",\"patch\":" + give + "}",
        "")) {
      assertProblem(400, calls.trade(body));
    }
    assertEquals(before, snapshot("Bad_A"));
  }

  @Test
  void anIdempotencyKeyRepeatAnswersTheFirstBodyAndDoesNothingNew() {
    calls.hold("Idem_A", "gem", "orb");
    calls.hold("Idem_B");
    String key = UUID.randomUUID().toString();
    String body = ItemTrade.move("Idem_A", 0, "gem", "Idem_B");
    HttpResponse<String> first = calls.trade(body, node.game, key);
    traded(first, "Idem_A", "Idem_B");
    Map<String, JsonObject> after = snapshot("Idem_A", "Idem_B");
    List<Long> versions = calls.versions("Idem_A");

    // Applied again, the test operation would fail now: only the remembered answer can be 200.
    HttpResponse<String> repeat = calls.trade(body, node.game, key);
    assertEquals(200, repeat.statusCode(), repeat.body());
    assertEquals(json(first.body()), json(repeat.body()), "the first answer");
    assertEquals(after, snapshot("Idem_A", "Idem_B"), "nothing new");
    assertEquals(versions, calls.versions("Idem_A"), "no new version");

    String other = ItemTrade.move("Idem_A", 0, "orb", "Idem_B");
    assertEquals("urn:datamanager:problem:idempotency-key-reused",
        assertProblem(422, calls.trade(other, node.game, key)).getString("type"));
    assertEquals(after, snapshot("Idem_A", "Idem_B"), "the different body did nothing");

    traded(calls.trade(other, node.game, UUID.randomUUID().toString()), "Idem_A", "Idem_B");
    assertEquals(List.of("gem", "orb"), items(calls.record("Idem_B")), "a new key trades");
  }

  @Test
  void supportMayNotTradeAndAdminMay() {
    calls.hold("Role_A", "sword", "shield");
    calls.hold("Role_B");
    Map<String, JsonObject> before = snapshot("Role_A", "Role_B");
    String body = ItemTrade.move("Role_A", 0, "sword", "Role_B");
    assertProblem(403, calls.trade(body, node.support, null));
    assertProblem(401, node.send(node.request(TradeCalls.TRADES).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    assertEquals(before, snapshot("Role_A", "Role_B"));
    traded(calls.trade(body, node.admin, null), "Role_A", "Role_B");
  }

  /**
   * Asserts a 200 whose sessions are {@code keys} in that order, clean, each at a new version that the record holds
   * and that is stored with reason {@code trade} and the answered data; the sessions answered.
   */
  List<JsonObject> traded(HttpResponse<String> answer, String... keys) {
    JsonArray sessions = TradeCalls.ok(answer).getJsonArray("sessions");
    List<JsonObject> answered = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      answered.add(sessions.getJsonObject(i));
    }
    assertEquals(List.of(keys), answered.stream().map(s -> s.getString("key")).toList(), "request order");
    for (JsonObject session : answered) {
      String key = session.getString("key");
      long version = session.getJsonNumber("version").longValue();
      assertEquals(TradeCalls.STORE, session.getString("store"));
      assertFalse(session.getBoolean("dirty"), key + " is committed");
      JsonObject record = calls.record(key);
      assertEquals(List.of(version, session.getJsonObject("data")),
          List.of(record.getJsonNumber("version").longValue(), record.getJsonObject("data")),
          key + ": the record holds what the trade answered");
      JsonObject stored = calls.version(key, version);
      assertEquals(List.of("trade", node.process.serverId(), session.getJsonObject("data")),
          List.of(stored.getString("reason"), stored.getString("savedBy"), stored.getJsonObject("data")),
          key + " version " + version);
      assertEquals(session.getJsonObject("data"), calls.session(key).getJsonObject("data"), key + " in RAM");
    }
    return answered;
  }

  /** Asserts the problem and that it names {@code key} of the store. */
  static void refused(int status, String kind, String key, HttpResponse<String> answer) {
    JsonObject problem = assertProblem(status, answer);
    assertEquals(List.of("urn:datamanager:problem:" + kind, TradeCalls.STORE, key),
        List.of(problem.getString("type"), problem.getString("store", null), problem.getString("key", null)),
        answer.body());
  }

  /** The held session and the committed record of each key, to compare before and after. */
  Map<String, JsonObject> snapshot(String... keys) {
    Map<String, JsonObject> state = new LinkedHashMap<>();
    for (String key : keys) {
      state.put("session " + key, calls.session(key));
      state.put("record " + key, calls.record(key));
    }
    return state;
  }

  static JsonArray concat(JsonArray first, JsonArray second) {
    return Json.createArrayBuilder(first).addAll(Json.createArrayBuilder(second)).build();
  }
}
