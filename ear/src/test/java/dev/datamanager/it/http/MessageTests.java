package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.message.MessageView;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Messages through the API: a message is stored whether or not the record is held or exists, shows in the session
 * body of its owner (at the join, or within a poll), and an ack consumes it exactly once, with its optional patch
 * saved in the same commit (version reason {@code message}); limits, idempotency, roles and erasure as DESIGN says.
 */
abstract class MessageTests extends OneNodePerClass {

  static final String STORE = "PlayerData";
  static final int MAX_PENDING = 5;

  MessageTests(NodeDatabase database) {
    super("messages", database);
  }

  @Override
  Map<String, String> nodeEnvironment() {
    return Map.of("DATAMANAGER_MESSAGES_MAX_PENDING", Integer.toString(MAX_PENDING));
  }

  @Test
  void aMessageToAnOfflineRecordIsInTheBodyOfTheNextJoin() {
    node.sessions().join(STORE, "Offline_1");
    node.sessions().leave(STORE, "Offline_1");

    JsonObject sent = sent(send("Offline_1", "{\"gift\":\"g-1\"}", node.game, null));
    SessionView joined = node.sessions().join(STORE, "Offline_1");
    assertEquals(1, joined.messages().size(), joined.toString());
    MessageView message = joined.messages().get(0);
    assertEquals(sent.getString("id"), message.id());
    assertEquals(sent.getString("sentAt"), message.sentAt().toString(), "the instant the send answered");
    assertEquals("g-1", message.body().getString("gift"));
  }

  @Test
  void aMessageToAKeyThatDoesNotExistYetIsShownWhenTheJoinCreatesIt() {
    String id = sent(send("Unborn_1", "{\"gift\":\"welcome\"}", node.game, null)).getString("id");
    assertProblem(404, node.send(node.request(record("Unborn_1"), node.admin).build()));

    SessionView joined = node.sessions().join(STORE, "Unborn_1");
    assertEquals(0, joined.version(), "created by the join");
    assertEquals(List.of(id), ids(joined));
  }

  @Test
  void theOwnerSeesAMessageToAHeldRecordWithinAPoll() {
    node.sessions().join(STORE, "Held_1");
    String id = sent(send("Held_1", "{\"gift\":\"g-2\"}", node.game, null)).getString("id");
    awaitInbox("Held_1", List.of(id));
    String second = sent(send("Held_1", "{\"gift\":\"g-3\"}", node.admin, null)).getString("id");
    awaitInbox("Held_1", List.of(id, second)); // oldest first
    assertTrue(metrics().contains("datamanager_messages_delivered_total"), "delivered counter");
    assertTrue(metrics().contains("datamanager_messages_pending"), "pending gauge");
  }

  @Test
  void anAckWithAMergePatchAppliesItOnceAndSavesItWithTheConsume() {
    node.sessions().join(STORE, "Ack_1");
    String id = deliver("Ack_1", "{\"coins\":100}");

    HttpResponse<String> acked = ack("Ack_1", id, "application/merge-patch+json", "{\"coins\":100}");
    assertEquals(200, acked.statusCode(), acked.body());
    JsonObject session = Problems.json(acked.body());
    assertEquals(100, session.getJsonObject("data").getInt("coins"));
    assertEquals(0, session.getJsonArray("messages").size(), "consumed");
    assertFalse(session.getBoolean("dirty"), "committed before the answer");
    assertEquals("message", latestVersion("Ack_1").getString("reason"));
    assertEquals(100, Problems.json(node.send(node.request(record("Ack_1"), node.admin).build()).body())
        .getJsonObject("data").getInt("coins"), "the patch is committed");
    assertEquals(0, listed("Ack_1").size(), "the message row is gone with that commit");

    JsonObject again = assertProblem(404, ack("Ack_1", id, null, null));
    assertEquals("urn:datamanager:problem:message-not-pending", again.getString("type"));
    assertEquals(100, node.sessions().get(STORE, "Ack_1").data().getInt("coins"), "applied once");
    assertTrue(metrics().contains("datamanager_messages_consumed_total"), "consumed counter");
  }

  @Test
  void anAckWithAJsonPatchSurvivesALeaveAndRejoinExactlyOnce() {
    node.sessions().join(STORE, "Ack_2");
    String id = deliver("Ack_2", "{\"gift\":\"sword-9\"}");

    HttpResponse<String> acked = ack("Ack_2", id, "application/json-patch+json",
        "[{\"op\":\"add\",\"path\":\"/items/-\",\"value\":\"sword-9\"}]");
    assertEquals(200, acked.statusCode(), acked.body());
    node.sessions().leave(STORE, "Ack_2");
    SessionView rejoined = node.sessions().join(STORE, "Ack_2");
    assertEquals(List.of("sword-9"), rejoined.data().getJsonArray("items").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString).toList());
    assertEquals(List.of(), ids(rejoined));
  }

  @Test
  void anAckWithoutBodyJustConsumes() {
    node.sessions().join(STORE, "Ack_3");
    String id = deliver("Ack_3", "{\"note\":\"hello\"}");
    JsonObject before = node.sessions().get(STORE, "Ack_3").data();
    HttpResponse<String> acked = ack("Ack_3", id, null, null);
    assertEquals(200, acked.statusCode(), acked.body());
    assertEquals(before, Problems.json(acked.body()).getJsonObject("data"));
    assertEquals(0, listed("Ack_3").size());
    assertEquals("message", latestVersion("Ack_3").getString("reason"));
  }

  @Test
  void aRefusedPatchLeavesTheMessagePendingAndChangesNothing() {
    node.sessions().join(STORE, "Ack_4");
    String id = deliver("Ack_4", "{\"gift\":\"shield\"}");
    JsonObject before = node.sessions().get(STORE, "Ack_4").data();

    assertProblem(422, ack("Ack_4", id, "application/json-patch+json",
        "[{\"op\":\"test\",\"path\":\"/coins\",\"value\":-1}]"));
    assertProblem(422, ack("Ack_4", id, "application/merge-patch+json", "{\"coins\":\"lots\"}"));
    assertProblem(415, ack("Ack_4", id, "text/plain", "{\"coins\":1}"));
    assertProblem(400, ack("Ack_4", id, "application/merge-patch+json", "{\"coins\":"));
    SessionView session = node.sessions().get(STORE, "Ack_4");
    assertEquals(before, session.data());
    assertEquals(List.of(id), ids(session), "still pending");
    assertEquals(1, listed("Ack_4").size());
    assertEquals(200, ack("Ack_4", id, null, null).statusCode(), "and can still be acked");
  }

  @Test
  void anAckOfAnUnknownMessageOrAnUnheldSessionIs404() {
    node.sessions().join(STORE, "Ack_5");
    JsonObject unknown = assertProblem(404, ack("Ack_5", UUID.randomUUID().toString(), null, null));
    assertEquals("urn:datamanager:problem:message-not-pending", unknown.getString("type"));
    assertEquals("Ack_5", unknown.getString("key"));
    String id = sent(send("Ack_5b", "{\"a\":1}", node.game, null)).getString("id");
    assertProblem(404, ack("Ack_5b", id, null, null)); // not held here
    assertProblem(400, ack("Ack_5", "not-a-message-id", null, null));
  }

  @Test
  void aFullInboxRefusesTheNextMessage() {
    for (int i = 0; i < MAX_PENDING; i++) {
      sent(send("Full_1", "{\"n\":" + i + "}", node.game, null));
    }
    JsonObject full = assertProblem(409, send("Full_1", "{\"n\":99}", node.game, null));
    assertEquals("urn:datamanager:problem:inbox-full", full.getString("type"));
    assertFalse(full.getBoolean("retryable"));
    assertEquals(MAX_PENDING, listed("Full_1").size());
  }

  @Test
  void aMessageMayBe64KiBAndNoMore() {
    String atLimit = "{\"s\":\"" + "x".repeat(65_536 - 8) + "\"}";
    sent(send("Big_1", atLimit, node.game, null));
    JsonObject tooBig = assertProblem(413, send("Big_1", "{\"s\":\"" + "x".repeat(65_536 - 7) + "\"}",
        node.game, null));
    assertEquals("urn:datamanager:problem:message-too-large", tooBig.getString("type"));
    assertEquals(1, listed("Big_1").size());
  }

  @Test
  void aMessageIsAJsonObject() {
    for (String body : List.of("[1,2]", "5", "\"gift\"", "null", "true")) {
      assertProblem(400, send("Shape_1", body, node.game, null));
    }
    assertProblem(404, send("Shape_1", "{\"a\":1}", node.game, null, "NoSuchStore"));
    assertEquals(0, listed("Shape_1").size());
  }

  @Test
  void aRepeatWithTheSameIdempotencyKeyAnswersTheFirstMessageAndStoresNoOther() {
    String key = UUID.randomUUID().toString();
    JsonObject first = sent(send("Idem_1", "{\"gift\":\"g-9\"}", node.game, key));
    JsonObject repeat = sent(send("Idem_1", "{\"gift\":\"g-9\"}", node.game, key));
    assertEquals(first, repeat, "the first answer");
    assertEquals(1, listed("Idem_1").size());

    JsonObject reused = assertProblem(422, send("Idem_1", "{\"gift\":\"other\"}", node.game, key));
    assertEquals("urn:datamanager:problem:idempotency-key-reused", reused.getString("type"));
    assertProblem(422, send("Idem_2", "{\"gift\":\"g-9\"}", node.game, key)); // another record is another request
    JsonObject byAdmin = sent(send("Idem_1", "{\"gift\":\"g-9\"}", node.admin, key));
    assertNotEquals(first.getString("id"), byAdmin.getString("id"), "keys are per user");
    assertEquals(2, listed("Idem_1").size());
    assertProblem(400, send("Idem_1", "{\"gift\":\"g-9\"}", node.game, "has space"));
    assertProblem(400, send("Idem_1", "{\"gift\":\"g-9\"}", node.game, "k".repeat(101)));
  }

  @Test
  void anAdminListsAndDeletesPendingMessagesAndTheInboxFollows() {
    node.sessions().join(STORE, "Admin_1");
    String keep = sent(send("Admin_1", "{\"a\":1}", node.game, null)).getString("id");
    String drop = sent(send("Admin_1", "{\"a\":2}", node.admin, null)).getString("id");
    awaitInbox("Admin_1", List.of(keep, drop));
    JsonArray listed = listed("Admin_1");
    assertEquals(2, listed.size());
    assertEquals(keep, listed.getJsonObject(0).getString("id"), "oldest first");
    assertEquals(2, listed.getJsonObject(1).getJsonObject("body").getInt("a"));

    assertEquals(204, node.send(node.request(messages("Admin_1") + "/" + drop, node.admin).DELETE().build())
        .statusCode());
    assertProblem(404, node.send(node.request(messages("Admin_1") + "/" + drop, node.admin).DELETE().build()));
    awaitInbox("Admin_1", List.of(keep));
    assertEquals(1, listed("Admin_1").size());
    String audit = node.send(node.request("/api/v1/audit?action=message", node.admin).build()).body();
    assertTrue(audit.contains(drop) && audit.contains("deleted message " + drop), "admin send and delete audited: "
        + audit);
  }

  @Test
  void supportReadsButNeitherSendsNorDeletesAndGamesDoNotList() {
    String id = sent(send("Roles_1", "{\"a\":1}", node.game, null)).getString("id");
    assertEquals(200, node.send(node.request(messages("Roles_1"), node.support).build()).statusCode());
    assertProblem(403, send("Roles_1", "{\"a\":2}", node.support, null));
    assertProblem(403, node.send(node.request(messages("Roles_1") + "/" + id, node.support).DELETE().build()));
    assertProblem(403, node.send(node.request(messages("Roles_1"), node.game).build()));
    assertProblem(403, node.send(node.request(messages("Roles_1") + "/" + id, node.game).DELETE().build()));
    assertEquals(1, listed("Roles_1").size());
  }

  @Test
  void anErasureRemovesTheRecordsMessages() {
    node.sessions().join(STORE, "Erased_1");
    node.sessions().leave(STORE, "Erased_1");
    sent(send("Erased_1", "{\"a\":1}", node.game, null));
    assertEquals(204, node.send(node.request(record("Erased_1"), node.admin).DELETE().build()).statusCode());
    assertEquals(0, listed("Erased_1").size());
    assertEquals(List.of(), ids(node.sessions().join(STORE, "Erased_1")));
  }

  @Test
  void theOpenApiDocumentListsTheMessageEndpoints() {
    String openApi = node.send(node.request("/openapi").build()).body();
    for (String path : List.of("/api/v1/stores/{store}/records/{key}/messages:",
        "/api/v1/stores/{store}/records/{key}/messages/{id}:",
        "/api/v1/stores/{store}/sessions/{key}/messages/{id}/ack:")) {
      assertTrue(openApi.contains(path), "OpenAPI documents " + path);
    }
    assertTrue(openApi.contains("gift-7f3a"), "with examples");
  }

  // --- helpers

  /** Sends a message and waits until the owner's inbox shows it; answers its id. */
  private String deliver(String key, String body) {
    String id = sent(send(key, body, node.game, null)).getString("id");
    Await.until(Duration.ofSeconds(10), "message " + id + " in the inbox of " + key,
        () -> ids(node.sessions().get(STORE, key)).contains(id));
    return id;
  }

  private void awaitInbox(String key, List<String> ids) {
    Await.until(Duration.ofSeconds(10), "inbox of " + key + " is " + ids,
        () -> ids(node.sessions().get(STORE, key)).equals(ids));
  }

  static List<String> ids(SessionView session) {
    return session.messages().stream().map(MessageView::id).toList();
  }

  private HttpResponse<String> send(String key, String body, BasicCredentials user, String idempotencyKey) {
    return send(key, body, user, idempotencyKey, STORE);
  }

  private HttpResponse<String> send(String key, String body, BasicCredentials user, String idempotencyKey,
      String store) {
    HttpRequest.Builder request = node.request("/api/v1/stores/" + store + "/records/" + key + "/messages", user)
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return node.send(request.build());
  }

  /** The body of a 202 answer to a send. */
  private static JsonObject sent(HttpResponse<String> response) {
    assertEquals(202, response.statusCode(), response.body());
    JsonObject body = Problems.json(response.body());
    UUID.fromString(body.getString("id"));
    assertTrue(body.getString("sentAt").endsWith("Z"), body.toString());
    return body;
  }

  private HttpResponse<String> ack(String key, String id, String mediaType, String body) {
    HttpRequest.Builder request = node.request("/api/v1/stores/" + STORE + "/sessions/" + key + "/messages/" + id
        + "/ack", node.game);
    if (mediaType != null) {
      request.header("Content-Type", mediaType);
    }
    return node.send(request.POST(body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build());
  }

  private JsonArray listed(String key) {
    HttpResponse<String> response = node.send(node.request(messages(key), node.admin).build());
    assertEquals(200, response.statusCode(), response.body());
    return Problems.json(response.body()).getJsonArray("messages");
  }

  private JsonObject latestVersion(String key) {
    return Problems.json(node.send(node.request(record(key) + "/versions?limit=1", node.admin).build()).body())
        .getJsonArray("versions").getJsonObject(0);
  }

  private String metrics() {
    return node.process.get("/metrics").body();
  }

  private static String record(String key) {
    return "/api/v1/stores/" + STORE + "/records/" + key;
  }

  private static String messages(String key) {
    return record(key) + "/messages";
  }
}
