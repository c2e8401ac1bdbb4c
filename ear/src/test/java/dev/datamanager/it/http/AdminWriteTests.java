package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.session.RecordView;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Restore and edit of one record by an admin, on one node: free records and records this node holds. */
abstract class AdminWriteTests extends OneNodePerClass {

  static final String STORE = "PlayerData";

  /** Named people beyond the three users of the environment, from a users file (README "Security"). */
  static final BasicCredentials ALICE = new BasicCredentials("ops-alice", UUID.randomUUID().toString());
  static final BasicCredentials BOB = new BasicCredentials("help-bob", UUID.randomUUID().toString());

  AdminWriteTests(NodeDatabase database) {
    super("admin-writes", database);
  }

  @Override
  Map<String, String> nodeEnvironment() {
    try {
      Path users = Files.createTempFile("datamanager-users", ".xml");
      Files.writeString(users, "<server><basicRegistry id=\"basic\">"
          + "<user name=\"" + ALICE.user() + "\" password=\"" + ALICE.password() + "\"/>"
          + "<user name=\"" + BOB.user() + "\" password=\"" + BOB.password() + "\"/>"
          + "<group id=\"admins\" name=\"admins\"><member name=\"" + ALICE.user() + "\"/></group>"
          + "<group id=\"support\" name=\"support\"><member name=\"" + BOB.user() + "\"/></group>"
          + "</basicRegistry></server>");
      users.toFile().deleteOnExit();
      return Map.of("DATAMANAGER_USERS_FILE", users.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void peopleFromTheUsersFileActInTheirRolesBesideTheUsersOfTheEnvironment() {
    String key = "People_1";
    writeCoinsVersions(key, 1, 2);
    HttpResponse<String> edited = send(node.request("/api/v1/stores/" + STORE + "/records/" + key, ALICE)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coins\":42}")).build());
    assertEquals(200, edited.statusCode(), edited.body());
    assertEquals(42, node.records().get(STORE, key).data().getInt("coins"), "a second admin, from the users file");
    assertEquals(200, send(node.request("/api/v1/stores/" + STORE + "/records/" + key, BOB).build()).statusCode(),
        "support from the users file reads");
    assertProblem(403, post("/records/" + key + "/restore", "{\"version\":1}", BOB));
    assertEquals(200, send(node.request("/api/v1/stores/" + STORE + "/records/" + key, node.admin).build())
        .statusCode(), "the admin of the environment still logs in");
    assertEquals(200, send(node.request("/api/v1/stores/" + STORE + "/records/" + key, node.support).build())
        .statusCode(), "and so does its support user");
    assertEquals(200, send(node.request("/api/v1/sessions", node.game).build()).statusCode(), "and the game user");

    HttpResponse<String> audit = send(node.request("/api/v1/audit?action=edit", BOB).build());
    assertEquals(200, audit.statusCode(), audit.body());
    assertTrue(Problems.json(audit.body()).getJsonArray("entries").stream().map(JsonValue::asJsonObject)
        .anyMatch(entry -> entry.getString("user").equals(ALICE.user())
            && entry.getString("target").equals(STORE + "/" + key) && entry.getString("outcome").equals("ok")),
        "the audit trail names the person: " + audit.body());
  }

  @Test
  void restoreByVersionBringsBackThatDocumentAsANewVersion() {
    String key = "Restore_1";
    Instant[] savedAt = writeCoinsVersions(key, 1, 2); // versions 0 (create), 1 (coins 1), 2 (coins 2), released
    RecordView restored = node.records().restore(STORE, key, Json.createObjectBuilder().add("version", 1).build());
    assertEquals(1, restored.data().getInt("coins"));
    assertEquals(3, restored.version(), "history is never rewritten: the old document is a new version");
    assertNull(restored.lock(), "a free record is released again after the restore");
    assertEquals(restored, node.records().get(STORE, key));
    assertTrue(savedAt[1].isAfter(savedAt[0]));
  }

  @Test
  void restoreToATimeTakesTheLatestVersionSavedAtOrBeforeIt() {
    String key = "Restore_2";
    Instant[] savedAt = writeCoinsVersions(key, 10, 20);
    Instant between = savedAt[0].plus(Duration.between(savedAt[0], savedAt[1]).dividedBy(2));
    assertTrue(between.isAfter(savedAt[0]) && between.isBefore(savedAt[1]), "the two saves are apart in time");
    assertEquals(10, restoreAt(key, between).data().getInt("coins"));
    assertEquals(10, restoreAt(key, savedAt[0]).data().getInt("coins"), "at is inclusive");
    // Any offset is accepted: the same instant written in +02:00.
    String shifted = savedAt[1].atOffset(java.time.ZoneOffset.ofHours(2)).toString();
    HttpResponse<String> answer = post("/records/" + key + "/restore", "{\"at\":\"" + shifted + "\"}", node.admin);
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(20, Problems.json(answer.body()).getJsonObject("data").getInt("coins"));
  }

  @Test
  void restoreRefusesWhatItCannotDoAndChangesNothing() {
    String key = "Restore_3";
    Instant[] savedAt = writeCoinsVersions(key, 5, 6);
    RecordView before = node.records().get(STORE, key);
    assertProblem(404, post("/records/" + key + "/restore", "{\"version\":99}", node.admin));
    assertProblem(404, post("/records/" + key + "/restore",
        "{\"at\":\"" + savedAt[0].minus(Duration.ofDays(1)) + "\"}", node.admin));
    assertProblem(404, post("/records/Nobody_Here/restore", "{\"version\":0}", node.admin));
    assertProblem(400, post("/records/" + key + "/restore", "{\"version\":1,\"at\":\"" + savedAt[0] + "\"}",
        node.admin));
    assertProblem(400, post("/records/" + key + "/restore", "{}", node.admin));
    assertProblem(400, post("/records/" + key + "/restore", "{\"version\":-1}", node.admin));
    assertProblem(400, post("/records/" + key + "/restore", "{\"version\":1.5}", node.admin));
    assertProblem(400, post("/records/" + key + "/restore", "{\"at\":\"yesterday\"}", node.admin));
    assertProblem(403, post("/records/" + key + "/restore", "{\"version\":1}", node.game));
    assertProblem(403, post("/records/" + key + "/restore", "{\"version\":1}", node.support));
    assertEquals(before, node.records().get(STORE, key));
  }

  @Test
  void editOfAFreeRecordIsANewVersionAndAFailedPatchChangesNothing() {
    String key = "Edit_1";
    writeCoinsVersions(key, 1, 2);
    RecordView edited = node.records().mergeEdit(STORE, key, Json.createObjectBuilder().add("coins", 500).build());
    assertEquals(500, edited.data().getInt("coins"));
    assertEquals(3, edited.version());
    assertNull(edited.lock());
    HttpResponse<String> failed = send(node.request("/api/v1/stores/" + STORE + "/records/" + key, node.admin)
        .header("Content-Type", "application/json-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(
            "[{\"op\":\"test\",\"path\":\"/coins\",\"value\":1},{\"op\":\"replace\",\"path\":\"/coins\",\"value\":0}]"))
        .build());
    assertProblem(422, failed);
    assertEquals(edited, node.records().get(STORE, key));
    assertProblem(403, send(node.request("/api/v1/stores/" + STORE + "/records/" + key, node.support)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coins\":1}")).build()));
  }

  @Test
  void editAndRestoreOfARecordHeldHereChangeTheSessionWithoutEndingIt() {
    String key = "Held_1";
    SessionView joined = node.sessions().join(STORE, key);
    node.sessions().mergePatch(STORE, key, json("{\"coins\":7}"));
    node.sessions().save(STORE, key);
    node.sessions().mergePatch(STORE, key, json("{\"gems\":3}")); // acknowledged, not saved yet
    RecordView edited = node.records().mergeEdit(STORE, key, json("{\"coins\":100}"));
    assertEquals(100, edited.data().getInt("coins"));
    assertEquals(3, edited.data().getInt("gems"), "the player's acknowledged update is kept");
    SessionView session = node.sessions().get(STORE, key);
    assertEquals(edited.data(), session.data());
    assertEquals(joined.lock().generation(), session.lock().generation(), "the player was not kicked");
    assertEquals(node.process.serverId(), edited.lock().owner());

    RecordView restored = node.records().restore(STORE, key, Json.createObjectBuilder().add("version", 1).build());
    assertEquals(7, restored.data().getInt("coins"));
    assertEquals(restored.data(), node.sessions().get(STORE, key).data());
    node.sessions().mergePatch(STORE, key, json("{\"level\":2}"));
    assertEquals(204, send(node.request("/api/v1/stores/" + STORE + "/sessions/" + key, node.game).DELETE()
        .build()).statusCode());
    RecordView left = node.records().get(STORE, key);
    assertEquals(7, left.data().getInt("coins"), "nothing of the restore is overwritten later");
    assertEquals(2, left.data().getInt("level"), "the player's update after the restore is kept");
  }

  /** Joins {@code key}, saves coins {@code first} then {@code second} as versions 1 and 2, leaves; their times. */
  private Instant[] writeCoinsVersions(String key, int first, int second) {
    node.sessions().join(STORE, key);
    Instant[] savedAt = new Instant[2];
    int[] coins = {first, second};
    for (int i = 0; i < 2; i++) {
      node.sessions().mergePatch(STORE, key, json("{\"coins\":" + coins[i] + "}"));
      node.sessions().save(STORE, key);
      savedAt[i] = node.records().get(STORE, key).updatedAt();
      pause(); // the two versions are apart in time at any database's precision
    }
    assertEquals(204, send(node.request("/api/v1/stores/" + STORE + "/sessions/" + key, node.game).DELETE()
        .build()).statusCode());
    return savedAt;
  }

  private RecordView restoreAt(String key, Instant at) {
    return node.records().restore(STORE, key, Json.createObjectBuilder().add("at", at.toString()).build());
  }

  private HttpResponse<String> post(String path, String body, BasicCredentials user) {
    return send(node.request("/api/v1/stores/" + STORE + path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    return node.send(request);
  }

  private static JsonObject json(String text) {
    return Problems.json(text);
  }

  private static void pause() {
    try {
      Thread.sleep(30);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
