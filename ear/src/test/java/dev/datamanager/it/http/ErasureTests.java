package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.session.RecordView;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.api.user.RecordRef;
import dev.datamanager.api.user.UserErasure;
import dev.datamanager.api.user.UserRecords;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * User ids, access and erasure through the API: ids set in a session are saved with its next save and found by
 * {@code GET /users/{id}}; an erasure leaves nothing of the record, not even a version (a rejoin then creates the
 * record afresh at version 0, which a leftover version row would refuse), and the owner's session is lost.
 */
abstract class ErasureTests extends OneNodePerClass {

  static final String PLAYERS = "PlayerData";
  static final String PURCHASES = "Purchases";

  ErasureTests(NodeDatabase database) {
    super("erasure", database);
  }

  @Override
  Map<String, String> nodeEnvironment() {
    return Map.of("DATAMANAGER_TEMPLATES_DIR", templates().toString());
  }

  /** Two stores: {@code PlayerData} and {@code Purchases}. */
  static Path templates() {
    try {
      return Path.of(ErasureTests.class.getResource("/erasure-templates").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks in the database itself that no row of {@code keys} is left and that the audit trail holds neither the
   * user id nor the keys in clear. Embedded Derby lives inside the node and admits no second process, so on Derby
   * only the API can look (see the rejoin checks).
   */
  void assertNothingLeftInTheDatabase(List<RecordKey> keys, String userId) {}

  @Test
  void userIdsSetInASessionAreSavedWithItsNextSave() {
    SessionView joined = node.sessions().join(PLAYERS, "Ids_1");
    assertEquals(List.of(), joined.userIds());

    SessionView changed = node.sessions().replaceUserIds(PLAYERS, "Ids_1", ids("ids-1", "steam:42", "ids-1"));
    assertEquals(List.of("ids-1", "steam:42"), changed.userIds(), "a repeated id is kept once, first place");
    assertTrue(changed.dirty());
    assertEquals(List.of(), node.records().get(PLAYERS, "Ids_1").userIds(), "RAM only until saved");
    assertEquals(List.of(), node.users().records("ids-1").records(), "the index follows the saved ids");

    SessionView saved = node.sessions().save(PLAYERS, "Ids_1");
    assertEquals(List.of("ids-1", "steam:42"), saved.userIds());
    assertFalse(saved.dirty());
    assertEquals(List.of("ids-1", "steam:42"), node.records().get(PLAYERS, "Ids_1").userIds());
    assertEquals(List.of("Ids_1"), keys(node.users().records("steam:42")));

    node.sessions().replaceUserIds(PLAYERS, "Ids_1", ids("steam:42"));
    node.sessions().leave(PLAYERS, "Ids_1");
    assertEquals(List.of("steam:42"), node.records().get(PLAYERS, "Ids_1").userIds(), "saved by the leave");
    assertEquals(List.of(), node.users().records("ids-1").records(), "a replaced id leaves the index");
    assertEquals(List.of("Ids_1"), keys(node.users().records("steam:42")));
  }

  @Test
  void accessFindsEveryRecordOfAUserIdInEveryStoreWithItsData() {
    hold(PLAYERS, "Access_1", "{\"coins\":5}", "access-7");
    node.sessions().leave(PLAYERS, "Access_1");
    hold(PURCHASES, "Access_1", "{\"receipts\":[\"r-1\"]}", "access-7", "someone-else");
    hold(PLAYERS, "Access_2", "{\"coins\":6}", "someone-else");

    UserRecords found = node.users().records("access-7");
    assertEquals(List.of(PLAYERS + "/Access_1", PURCHASES + "/Access_1"),
        found.records().stream().map(r -> r.store() + "/" + r.key()).toList());
    assertEquals(5, found.records().get(0).data().getInt("coins"));
    assertEquals(node.records().get(PURCHASES, "Access_1"), found.records().get(1), "each as the record body");

    JsonObject bySupport = Problems.json(node.send(node.request("/api/v1/users/access-7", node.support).build())
        .body());
    assertEquals(2, bySupport.getJsonArray("records").size(), "support may read");
    assertProblem(403, node.send(node.request("/api/v1/users/access-7", node.game).build()));
    assertEquals("{\"records\":[]}", node.send(node.request("/api/v1/users/nobody-here", node.admin).build()).body());
    String openApi = node.send(node.request("/openapi").build()).body();
    for (String path : List.of("/api/v1/users/{userId}:", "/api/v1/stores/{store}/sessions/{key}/user-ids:")) {
      assertTrue(openApi.contains(path), "OpenAPI documents " + path);
    }
  }

  @Test
  void erasingAFreeRecordRemovesItAndEveryVersion() {
    hold(PLAYERS, "Erase_1", "{\"coins\":10}", "erase-1");
    node.sessions().mergePatch(PLAYERS, "Erase_1", Problems.json("{\"coins\":11}"));
    node.sessions().save(PLAYERS, "Erase_1");
    node.sessions().leave(PLAYERS, "Erase_1");
    String record = "/api/v1/stores/PlayerData/records/Erase_1";
    // A restore (application/json, read by the same strict reader as a user-id list) adds a version of its own.
    HttpResponse<String> restored = node.send(node.request(record + "/restore", node.admin)
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"version\":1}")).build());
    assertEquals(200, restored.statusCode(), restored.body());
    assertEquals(10, Problems.json(restored.body()).getJsonObject("data").getInt("coins"));
    assertProblem(403, node.send(node.request(record, node.support).DELETE().build()));

    assertEquals(204, node.send(node.request(record, node.admin).DELETE().build()).statusCode());
    assertProblem(404, node.send(node.request(record, node.admin).build()));
    assertProblem(404, node.send(node.request(record, node.admin).DELETE().build()));
    assertEquals(List.of(), node.users().records("erase-1").records());
    assertNothingLeftInTheDatabase(List.of(new RecordKey(PLAYERS, "Erase_1")), "erase-1");
    assertCreatedAfresh(PLAYERS, "Erase_1");
  }

  @Test
  void erasingARecordHeldHereLosesTheSession() {
    hold(PLAYERS, "Held_1", "{\"coins\":3}", "held-1");
    node.sessions().mergePatch(PLAYERS, "Held_1", Problems.json("{\"coins\":4}"));

    node.records().erase(PLAYERS, "Held_1");

    String session = "/api/v1/stores/PlayerData/sessions/Held_1";
    assertSessionLost(assertProblem(409, node.send(node.request(session, node.game).build())));
    assertSessionLost(assertProblem(409, node.send(node.request(session, node.game)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", BodyPublishers.ofString("{\"coins\":5}")).build())));
    assertSessionLost(assertProblem(409, node.send(node.request(session + "/user-ids", node.game)
        .header("Content-Type", "application/json").PUT(BodyPublishers.ofString("[\"held-1\"]")).build())));
    assertSessionLost(assertProblem(409, node.send(node.request(session + "/save", node.game)
        .POST(BodyPublishers.noBody()).build())));
    assertProblem(404, node.send(node.request("/api/v1/stores/PlayerData/records/Held_1", node.admin).build()));
    assertNothingLeftInTheDatabase(List.of(new RecordKey(PLAYERS, "Held_1")), "held-1");
    assertCreatedAfresh(PLAYERS, "Held_1");
  }

  @Test
  void erasingAUserIdErasesEveryRecordThatListsItInEveryStore() {
    String user = "erasure:Quinn-Wyatt";
    hold(PLAYERS, "User_1", "{\"coins\":20}", user);
    node.sessions().mergePatch(PLAYERS, "User_1", Problems.json("{\"coins\":21}")); // held here, dirty
    hold(PURCHASES, "User_1", "{\"receipts\":[\"r-9\"]}", "someone-else", user);
    node.sessions().mergePatch(PURCHASES, "User_1", Problems.json("{\"receipts\":[\"r-9\",\"r-10\"]}"));
    node.sessions().leave(PURCHASES, "User_1"); // free, three versions
    hold(PLAYERS, "Bystander_1", "{\"coins\":99}", "someone-else");
    assertProblem(403, node.send(node.request("/api/v1/users/" + user, node.support).DELETE().build()));

    UserErasure erasure = node.users().erase(user);

    assertEquals(Set.of(new RecordRef(PLAYERS, "User_1"), new RecordRef(PURCHASES, "User_1")),
        Set.copyOf(erasure.erased()));
    assertEquals(List.of(), erasure.pending());
    assertProblem(404, node.send(node.request("/api/v1/stores/PlayerData/records/User_1", node.admin).build()));
    assertProblem(404, node.send(node.request("/api/v1/stores/Purchases/records/User_1", node.admin).build()));
    assertSessionLost(assertProblem(409, node.send(node.request("/api/v1/stores/PlayerData/sessions/User_1",
        node.game).build())));
    assertEquals(List.of(), node.users().records(user).records());
    assertEquals(99, node.records().get(PLAYERS, "Bystander_1").data().getInt("coins"), "others untouched");
    assertEquals(List.of("Bystander_1"), keys(node.users().records("someone-else")));
    assertNothingLeftInTheDatabase(List.of(new RecordKey(PLAYERS, "User_1"), new RecordKey(PURCHASES, "User_1")),
        user);
    assertCreatedAfresh(PLAYERS, "User_1");
    assertCreatedAfresh(PURCHASES, "User_1");
    assertEquals(new UserErasure(List.of(), List.of()), node.users().erase("nobody-here"));
    assertTrue(erasuresCounted() >= 2, "datamanager_erasures counts records erased");
  }

  /** Joins, changes the data, sets the user ids and saves; the session stays held. */
  void hold(String store, String key, String change, String... userIds) {
    node.sessions().join(store, key);
    node.sessions().mergePatch(store, key, Problems.json(change));
    node.sessions().replaceUserIds(store, key, ids(userIds));
    node.sessions().save(store, key);
  }

  /**
   * A join of an erased key creates the record from the template at version 0, and its first save is version 1:
   * both versions would collide with a version row the erasure left behind.
   */
  void assertCreatedAfresh(String store, String key) {
    HttpResponse<String> join = node.send(node.request("/api/v1/stores/" + store + "/sessions/" + key, node.game)
        .POST(BodyPublishers.noBody()).build());
    assertEquals(200, join.statusCode(), "a join of an erased key creates it afresh (a version row left behind"
        + " would refuse it): " + join.body());
    SessionView joined = node.sessions().get(store, key);
    assertEquals(0, joined.version());
    assertEquals(List.of(), joined.userIds());
    assertEquals(template(store), joined.data());
    node.sessions().mergePatch(store, key, Problems.json("{\"fresh\":true}"));
    assertEquals(1, node.sessions().save(store, key).version());
    node.sessions().leave(store, key);
  }

  static JsonObject template(String store) {
    try {
      return Problems.json(Files.readString(templates().resolve(store + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertSessionLost(JsonObject problem) {
    assertEquals("urn:datamanager:problem:session-lost", problem.getString("type"), problem::toString);
  }

  static JsonArray ids(String... ids) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (String id : ids) {
      array.add(id);
    }
    return array.build();
  }

  static List<String> keys(UserRecords records) {
    return records.records().stream().map(RecordView::key).toList();
  }

  private double erasuresCounted() {
    return node.process.get("/metrics").body().lines()
        .filter(line -> line.startsWith("datamanager_erasures_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
