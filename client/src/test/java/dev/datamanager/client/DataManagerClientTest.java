package dev.datamanager.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.message.MessageSent;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.api.trade.TradeResult;
import dev.datamanager.client.FakeNode.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's own loop end to end over real HTTP, against a scripted fake node: what it sends, which answers it
 * repeats after which waits (recorded, never slept), and what it throws. The node's behaviour is ClientIT's.
 */
@Timeout(30)
class DataManagerClientTest {

  static final String SESSION = "{\"store\":\"PlayerData\",\"key\":\"Player_1\",\"data\":{\"coins\":250},"
      + "\"version\":7,\"dirty\":true,\"lock\":{\"owner\":\"node-a\",\"generation\":12,"
      + "\"leaseRenewedAt\":\"2026-11-25T20:00:00Z\"},\"userIds\":[\"123\"],\"schemaVersion\":1,\"messages\":[]}";
  private static final String PATH = "/api/v1/stores/PlayerData/sessions/Player_1";

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<String> heard = new CopyOnWriteArrayList<>();

  private DataManagerClient client(FakeNode node, RetryPolicy policy) {
    return clientBuilder(node.uri(), policy).build();
  }

  private DataManagerClientBuilder clientBuilder(URI uri, RetryPolicy policy) {
    return DataManagerClient.builder()
        .baseUri(uri)
        .credentials("game", "pässword")
        .retryPolicy(policy)
        .sleeper(waits::add)
        .clock(Clock.fixed(ProblemAnswers.NOW, ZoneOffset.UTC))
        .listener(new ClientListener() {
          @Override
          public void joined(SessionView session) {
            heard.add("joined " + session.key());
          }

          @Override
          public void left(String store, String key) {
            heard.add("left " + key);
          }

          @Override
          public void retrying(int attempt, DataManagerProblem problem, Duration wait) {
            heard.add("retrying " + attempt + " " + problem.kind() + " " + wait);
          }
        });
  }

  @Test
  void aRefusedJoinIsRepeatedAfterEachRetryAfterUntilItSucceeds() throws IOException {
    try (FakeNode node = new FakeNode(
        Answer.problem(409, "session-refused", true, "1"),
        Answer.problem(409, "session-refused", true, "1"),
        Answer.json(200, SESSION));
        DataManagerClient client = client(node, RetryPolicy.of(5, Duration.ofSeconds(10)))) {
      SessionView session = client.join("PlayerData", "Player_1");

      assertEquals(250, session.data().getInt("coins"));
      assertEquals(Instant.parse("2026-11-25T20:00:00Z"), session.lock().leaseRenewedAt());
      assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), waits);
      assertEquals(List.of("retrying 1 session-refused PT1S", "retrying 2 session-refused PT1S", "joined Player_1"),
          heard);
      assertEquals(3, node.requests().size());
      String basic = "Basic " + Base64.getEncoder().encodeToString("game:pässword".getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      for (FakeNode.Request request : node.requests()) {
        assertEquals("POST " + PATH, request.method() + " " + request.path());
        assertEquals(basic, request.header("Authorization"));
      }
    }
  }

  @Test
  void aDrainingNodeIsRepeatedWithinTheBoundThenUnavailableIsThrown() throws IOException {
    try (FakeNode node = new FakeNode(
        Answer.problem(503, "shutting-down", true, "5"),
        Answer.problem(503, "shutting-down", true, "5"),
        Answer.problem(503, "shutting-down", true, "5"));
        DataManagerClient client = client(node, RetryPolicy.of(3, Duration.ofSeconds(8)))) {
      Unavailable unavailable = assertThrows(Unavailable.class, () -> client.join("PlayerData", "Player_1"));

      assertEquals("shutting-down", unavailable.kind());
      assertEquals(List.of(Duration.ofSeconds(5)), waits, "a second wait of 5 s would pass the 8 s bound");
      assertEquals(2, node.requests().size());
      assertEquals(List.of("retrying 1 shutting-down PT5S"), heard);
    }
  }

  @Test
  void aBare503IsRepeatedWithBackoff() throws IOException {
    try (FakeNode node = new FakeNode(Answer.empty(503), Answer.empty(503), Answer.json(200, SESSION));
        DataManagerClient client = client(node, RetryPolicy.of(3, Duration.ofSeconds(10)))) {
      assertEquals(7, client.save("PlayerData", "Player_1").version());
      assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1)), waits);
      assertEquals("POST " + PATH + "/save", node.requests().get(2).method() + " " + node.requests().get(2).path());
    }
  }

  @Test
  void aRefusedPatchIsThrownAtOnceWithTheNodesDetail() throws IOException {
    try (FakeNode node = new FakeNode(Answer.problem(422, "invalid-patch", false, null));
        DataManagerClient client = client(node, RetryPolicy.DEFAULT)) {
      PatchRefused refused = assertThrows(PatchRefused.class,
          () -> client.mergePatch("PlayerData", "Player_1", Json.createObjectBuilder().add("coins", 5).build()));

      assertEquals("Detail of invalid-patch", refused.detail());
      assertEquals(List.of(), waits);
      FakeNode.Request sent = node.requests().get(0);
      assertEquals("PATCH " + PATH, sent.method() + " " + sent.path());
      assertTrue(sent.header("Content-Type").startsWith("application/merge-patch+json"), sent.header("Content-Type"));
      assertEquals("{\"coins\":5}", sent.body());
    }
  }

  @Test
  void aJsonPatchIsSentAsOne() throws IOException {
    try (FakeNode node = new FakeNode(Answer.json(200, SESSION));
        DataManagerClient client = client(node, RetryPolicy.DEFAULT)) {
      client.jsonPatch("PlayerData", "Player_1", patch("sword"));
      FakeNode.Request sent = node.requests().get(0);
      assertTrue(sent.header("Content-Type").startsWith("application/json-patch+json"), sent.header("Content-Type"));
      assertEquals(patch("sword").toString(), sent.body());
    }
  }

  @Test
  void anAckSendsItsPatchAsTheMediaTypeOfItsShapeOrNoBodyAtAll() throws IOException {
    try (FakeNode node = new FakeNode(Answer.json(200, SESSION), Answer.json(200, SESSION),
        Answer.json(200, SESSION));
        DataManagerClient client = client(node, RetryPolicy.DEFAULT)) {
      client.ack("PlayerData", "Player_1", "m-1");
      client.ack("PlayerData", "Player_1", "m-2", Json.createObjectBuilder().add("coins", 350).build());
      client.ack("PlayerData", "Player_1", "m-3", patch("gift-7f3a"));

      List<FakeNode.Request> sent = node.requests();
      assertEquals("POST " + PATH + "/messages/m-1/ack", sent.get(0).method() + " " + sent.get(0).path());
      assertEquals("", sent.get(0).body(), "no body (RESTEasy still names */*, which the node ignores then)");
      assertTrue(sent.get(1).header("Content-Type").startsWith("application/merge-patch+json"));
      assertEquals("{\"coins\":350}", sent.get(1).body());
      assertTrue(sent.get(2).header("Content-Type").startsWith("application/json-patch+json"));
      assertEquals(patch("gift-7f3a").toString(), sent.get(2).body());
    }
  }

  @Test
  void aTradeOfUnknownOutcomeIsRepeatedUnderTheSameIdempotencyKey() throws IOException {
    String result = "{\"sessions\":[" + SESSION + "]}";
    try (FakeNode node = new FakeNode(Answer.problem(504, "trade-outcome-unknown", true, "5"),
        Answer.problem(503, "trade-unresolved", true, "1"), Answer.json(200, result));
        DataManagerClient client = client(node, RetryPolicy.of(4, Duration.ofSeconds(10)))) {
      TradeResult traded = client.trade("PlayerData", List.of(new TradeChange("Player_1", patch("sword"))));

      assertEquals(1, traded.sessions().size());
      assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(1)), waits);
      String key = node.requests().get(0).header("Idempotency-Key");
      assertNotNull(key);
      for (FakeNode.Request request : node.requests()) {
        assertEquals("POST /api/v1/stores/PlayerData/trades", request.method() + " " + request.path());
        assertEquals(key, request.header("Idempotency-Key"));
        assertEquals("{\"changes\":[{\"key\":\"Player_1\",\"patch\":" + patch("sword") + "}]}", request.body());
      }
    }
  }

  @Test
  void aTradeStillUnknownWhenThePolicyRunsOutCarriesItsKey() throws IOException {
    try (FakeNode node = new FakeNode(Answer.problem(504, "trade-outcome-unknown", true, "5"),
        Answer.problem(504, "trade-outcome-unknown", true, "5"));
        DataManagerClient client = client(node, RetryPolicy.of(2, Duration.ofSeconds(10)))) {
      TradeOutcomeUnknown unknown = assertThrows(TradeOutcomeUnknown.class, () -> client.trade("PlayerData",
          "trade-5f2c", List.of(new TradeChange("Player_1", patch("sword")))));
      assertEquals("trade-5f2c", unknown.idempotencyKey().orElseThrow());
      assertEquals(2, node.requests().size());
    }
  }

  @Test
  void aMessageIsSentWithItsIdempotencyKey() throws IOException {
    try (FakeNode node = new FakeNode(Answer.json(202,
        "{\"id\":\"0b6f3c5e\",\"sentAt\":\"2026-11-25T20:00:00.123456Z\"}"));
        DataManagerClient client = client(node, RetryPolicy.DEFAULT)) {
      MessageSent sent = client.send("PlayerData", "Player_1", Json.createObjectBuilder().add("gift", "g").build(),
          "gift-7f3a");
      assertEquals("0b6f3c5e", sent.id());
      assertEquals(Instant.parse("2026-11-25T20:00:00.123456Z"), sent.sentAt());
      FakeNode.Request request = node.requests().get(0);
      assertEquals("/api/v1/stores/PlayerData/records/Player_1/messages", request.path());
      assertEquals("gift-7f3a", request.header("Idempotency-Key"));
    }
  }

  @Test
  void leaveAndUserIdsAreSentAndHeard() throws IOException {
    try (FakeNode node = new FakeNode(Answer.json(200, SESSION), Answer.empty(204));
        DataManagerClient client = client(node, RetryPolicy.DEFAULT)) {
      assertEquals(List.of("123"), client.setUserIds("PlayerData", "Player_1", List.of("123")).userIds());
      client.leave("PlayerData", "Player_1");
      assertEquals("PUT " + PATH + "/user-ids", node.requests().get(0).method() + " " + node.requests().get(0).path());
      assertEquals("[\"123\"]", node.requests().get(0).body());
      assertEquals("DELETE " + PATH, node.requests().get(1).method() + " " + node.requests().get(1).path());
      assertEquals(List.of("left Player_1"), heard);
    }
  }

  @Test
  void aForbiddenCallIsTheGenericProblemAndNotRepeated() throws IOException {
    try (FakeNode node = new FakeNode(Answer.problem(403, "forbidden", false, null));
        DataManagerClient client = client(node, RetryPolicy.DEFAULT)) {
      DataManagerProblem forbidden = assertThrows(DataManagerProblem.class,
          () -> client.record("PlayerData", "Player_1"));
      assertSame(DataManagerProblem.class, forbidden.getClass());
      assertEquals(403, forbidden.status());
      assertEquals(1, node.requests().size());
      assertEquals("GET /api/v1/stores/PlayerData/records/Player_1",
          node.requests().get(0).method() + " " + node.requests().get(0).path());
    }
  }

  @Test
  void problemsGiveTheirConnectionBackToThePool() throws IOException {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      answers.add(Answer.problem(404, "session-not-held", false, null));
    }
    answers.add(Answer.json(200, SESSION));
    try (FakeNode node = new FakeNode(answers.toArray(Answer[]::new));
        DataManagerClient client = clientBuilder(node.uri(), RetryPolicy.DEFAULT).maxConnections(1).build()) {
      for (int i = 0; i < 6; i++) {
        assertThrows(SessionNotHeld.class, () -> client.get("PlayerData", "Player_1"));
      }
      assertEquals(7, client.get("PlayerData", "Player_1").version(), "the one connection is free again");
    }
  }

  @Test
  void noAnswerIsNodeUnreachableAndNeverRepeated() throws IOException {
    URI closed;
    try (FakeNode gone = new FakeNode()) {
      closed = gone.uri();
    }
    try (DataManagerClient client = clientBuilder(closed, RetryPolicy.DEFAULT).build()) {
      NodeUnreachable unreachable = assertThrows(NodeUnreachable.class, () -> client.join("PlayerData", "Player_1"));
      assertTrue(unreachable.getMessage().startsWith("No answer from DataManager to join PlayerData/Player_1"),
          unreachable.getMessage());
      assertEquals(List.of(), waits);
      assertEquals(List.of(), heard);
    }
  }

  @Test
  void aListenerThatThrowsDoesNotFailTheCall() throws IOException {
    try (FakeNode node = new FakeNode(Answer.json(200, SESSION));
        DataManagerClient client = clientBuilder(node.uri(), RetryPolicy.DEFAULT).listener(new ClientListener() {
          @Override
          public void joined(SessionView session) {
            throw new IllegalStateException("a buggy plugin");
          }
        }).build()) {
      assertEquals("Player_1", client.join("PlayerData", "Player_1").key());
      assertEquals(List.of("joined Player_1"), heard, "the listeners before it heard it");
    }
  }

  @Test
  void anHttpDateRetryAfterIsWaitedFromTheClock() throws IOException {
    try (FakeNode node = new FakeNode(Answer.problem(503, "database-unavailable", true,
        "Wed, 25 Nov 2026 20:00:03 GMT"), Answer.json(200, SESSION));
        DataManagerClient client = client(node, RetryPolicy.DEFAULT)) {
      client.get("PlayerData", "Player_1");
      assertEquals(List.of(Duration.ofSeconds(3)), waits);
    }
  }

  private static JsonArray patch(String item) {
    return Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "add").add("path", "/items/-")
        .add("value", item)).build();
  }
}
