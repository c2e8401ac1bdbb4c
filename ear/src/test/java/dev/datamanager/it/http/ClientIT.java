package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static dev.datamanager.it.http.Problems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.message.MessageSent;
import dev.datamanager.api.session.RecordView;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.client.ClientListener;
import dev.datamanager.client.DataManagerClient;
import dev.datamanager.client.DataManagerProblem;
import dev.datamanager.client.PatchRefused;
import dev.datamanager.client.RetryPolicy;
import dev.datamanager.client.SessionNotHeld;
import dev.datamanager.client.SessionRefused;
import dev.datamanager.client.Unavailable;
import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The typed client (module {@code client}) against two real nodes on one PostgreSQL database: the README's game flow
 * with a gift sent through the other node; a join refused while the other node holds the record, repeated after its
 * Retry-After until that node has left; a refused patch and a forbidden call as typed problems; a draining node's
 * 503s repeated within the policy's bound, then thrown. The drain is last: a node never stops draining.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientIT {

  private static final String STORE = "PlayerData";
  /** The silence after which a lock may be taken over; Retry-After of a refused join is at most this. */
  private static final Duration STALE = Duration.ofSeconds(6);
  private static final Map<String, String> SETTINGS = Map.of(
      // No handoff: a join that meets a live owner's lock is refused at once (409 session-refused), with Retry-After
      // the time until the lock could go stale: a few seconds here, as each node beats every second.
      "DATAMANAGER_HANDOFF_WAIT", "PT0S",
      "DATAMANAGER_LOCK_RECENT", "PT3S",
      "DATAMANAGER_LOCK_STALE", STALE.toString(),
      // A live owner renews its leases well within lock.recent, so its updates are never refused as lease-unsafe.
      "DATAMANAGER_AUTOSAVE_INTERVAL", "PT1S");

  private ApiNode a;
  private ApiNode b;
  private final List<String> heard = new CopyOnWriteArrayList<>();

  @BeforeAll
  void startTwoNodesOnOneDatabase() {
    Map<String, String> database = NodeDatabase.POSTGRES.freshEnvironment("client");
    CompletableFuture<ApiNode> startingA = CompletableFuture.supplyAsync(
        () -> ApiNode.startOn("client-a", database, SETTINGS));
    CompletableFuture<ApiNode> startingB = CompletableFuture.supplyAsync(
        () -> ApiNode.startOn("client-b", database, SETTINGS));
    a = startingA.join();
    b = startingB.join();
  }

  @AfterAll
  void stopNodes() {
    for (ApiNode node : new ApiNode[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  @Order(1)
  void theReadmeFlowJoinsPlaysReceivesAGiftSavesAndLeaves() {
    String key = "Client_Flow";
    try (DataManagerClient game = client(b, b.game, RetryPolicy.DEFAULT);
        DataManagerClient otherServer = client(a, a.game, RetryPolicy.DEFAULT);
        DataManagerClient admin = client(b, b.admin, RetryPolicy.DEFAULT)) {
      heard.clear();
      SessionView joined = game.join(STORE, key);
      assertEquals(0, joined.data().getInt("coins"), "created from the template");
      assertEquals(b.process.serverId(), joined.lock().owner());
      assertEquals(List.of("123"), game.setUserIds(STORE, key, List.of("123")).userIds());
      assertEquals(250, game.mergePatch(STORE, key, json("{\"coins\":250}")).data().getInt("coins"));

      JsonObject gift = json("{\"gift\":\"gift-7f3a\",\"coins\":100}");
      String idempotencyKey = "gift-" + UUID.randomUUID();
      MessageSent sent = otherServer.send(STORE, key, gift, idempotencyKey);
      assertEquals(sent.id(), otherServer.send(STORE, key, gift, idempotencyKey).id(), "a repeat stores nothing new");
      awaitInbox(game, key, sent.id());
      SessionView acked = game.ack(STORE, key, sent.id(), patch(
          "[{\"op\":\"add\",\"path\":\"/items/-\",\"value\":\"gift-7f3a\"},"
              + "{\"op\":\"replace\",\"path\":\"/coins\",\"value\":350}]"));
      assertEquals(350, acked.data().getInt("coins"));
      assertEquals(List.of("gift-7f3a"), items(acked.data()));
      assertEquals(List.of(), acked.messages(), "consumed with its patch");

      MessageSent note = otherServer.send(STORE, key, json("{\"note\":\"welcome back\"}"));
      awaitInbox(game, key, note.id());
      assertEquals(List.of(), game.ack(STORE, key, note.id()).messages(), "an ack without a body just consumes");

      SessionView saved = game.save(STORE, key);
      assertFalse(saved.dirty());
      game.leave(STORE, key);
      assertThrows(SessionNotHeld.class, () -> game.get(STORE, key));

      RecordView record = admin.record(STORE, key);
      assertNull(record.lock(), "released");
      assertEquals(350, record.data().getInt("coins"));
      assertEquals(List.of("gift-7f3a"), items(record.data()));
      assertEquals(List.of("123"), record.userIds());
      assertEquals(List.of("joined " + key, "left " + key), heard);
    }
  }

  @Test
  @Order(2)
  void aJoinRefusedWhileAnotherNodeHoldsTheRecordIsRepeatedUntilThatNodeHasLeft() {
    String key = "Client_Moved";
    try (DataManagerClient onA = client(a, a.game, RetryPolicy.NEVER);
        DataManagerClient onceOnB = client(b, b.game, RetryPolicy.NEVER);
        DataManagerClient onB = client(b, b.game, RetryPolicy.of(5, Duration.ofSeconds(20)))) {
      onA.join(STORE, key);
      onA.mergePatch(STORE, key, json("{\"coins\":42}"));

      SessionRefused refused = assertThrows(SessionRefused.class, () -> onceOnB.join(STORE, key));
      assertEquals("urn:datamanager:problem:session-refused", refused.type());
      assertTrue(refused.retryable());
      Duration retryAfter = refused.retryAfter().orElseThrow();
      assertTrue(retryAfter.compareTo(Duration.ofSeconds(1)) >= 0 && retryAfter.compareTo(STALE) <= 0,
          "Retry-After " + retryAfter);
      heard.clear();

      CompletableFuture<Void> leaving = CompletableFuture.runAsync(() -> {
        pause(Duration.ofSeconds(2));
        onA.leave(STORE, key);
      });
      long started = System.nanoTime();
      SessionView joined = onB.join(STORE, key);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      leaving.join();

      assertEquals(b.process.serverId(), joined.lock().owner());
      assertEquals(42, joined.data().getInt("coins"), "what A saved at its leave");
      assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0, "joined only after A left: " + took);
      List<String> retries = heard.stream().filter(event -> event.startsWith("retrying")).toList();
      assertFalse(retries.isEmpty(), heard.toString());
      assertTrue(retries.stream().allMatch(event -> event.contains(" session-refused ")), heard.toString());
      assertTrue(heard.contains("joined " + key), heard.toString());
      onB.leave(STORE, key);
    }
  }

  @Test
  @Order(3)
  void aRefusedPatchIsThrownTypedWithTheNodesDetailAndChangesNothing() {
    String key = "Client_BadPatch";
    try (DataManagerClient game = client(b, b.game, RetryPolicy.DEFAULT)) {
      game.join(STORE, key);
      game.mergePatch(STORE, key, json("{\"coins\":5}"));
      SessionView before = game.save(STORE, key);
      heard.clear();
      String failingTest = "[{\"op\":\"test\",\"path\":\"/coins\",\"value\":6},"
          + "{\"op\":\"replace\",\"path\":\"/coins\",\"value\":7}]";

      PatchRefused refused = assertThrows(PatchRefused.class, () -> game.jsonPatch(STORE, key, patch(failingTest)));
      assertEquals(422, refused.status());
      assertEquals("invalid-patch", refused.kind());
      assertFalse(refused.retryable());
      assertEquals(STORE, refused.store().orElseThrow());
      assertEquals(key, refused.key().orElseThrow());
      JsonObject raw = assertProblem(422, b.send(b.request("/api/v1/stores/" + STORE + "/sessions/" + key, b.game)
          .header("Content-Type", "application/json-patch+json")
          .method("PATCH", HttpRequest.BodyPublishers.ofString(failingTest)).build()));
      assertEquals(raw.getString("detail"), refused.detail(), "the node's own words");
      JsonArray missingTarget = patch("[{\"op\":\"remove\",\"path\":\"/no\"}]");
      assertThrows(PatchRefused.class, () -> game.jsonPatch(STORE, key, missingTarget));

      SessionView after = game.get(STORE, key);
      assertEquals(before.data(), after.data(), "nothing changed");
      assertEquals(before.version(), after.version());
      assertFalse(after.dirty());
      assertEquals(List.of(), heard, "a 422 is never repeated");
      game.leave(STORE, key);
    }
  }

  @Test
  @Order(4)
  void aGameServersAdminCallAndAWrongPasswordAreProblemsOfTheirOwnKind() {
    try (DataManagerClient game = client(b, b.game, RetryPolicy.DEFAULT);
        DataManagerClient stranger = client(b, new BasicCredentials(b.game.user(), "wrong"), RetryPolicy.DEFAULT)) {
      heard.clear();
      DataManagerProblem forbidden = assertThrows(DataManagerProblem.class, () -> game.record(STORE, "Client_Flow"));
      assertSame(DataManagerProblem.class, forbidden.getClass());
      assertEquals(403, forbidden.status());
      assertEquals("urn:datamanager:problem:forbidden", forbidden.type());
      assertFalse(forbidden.retryable());

      DataManagerProblem unauthorized = assertThrows(DataManagerProblem.class,
          () -> stranger.join(STORE, "Client_Stranger"));
      assertEquals(401, unauthorized.status());
      assertEquals("unauthorized", unauthorized.kind());
      assertEquals(List.of(), heard, "neither is repeated");
    }
  }

  @Test
  @Order(5)
  void aDrainingNodesRefusedJoinIsRepeatedWithinTheBoundThenThrownAsUnavailable() {
    HttpResponse<String> drained = a.send(a.request("/api/v1/server/drain", a.admin)
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals(202, drained.statusCode(), drained.body());
    // A node answers 503 with Retry-After: 5; a second wait of 5 s would pass the 8 s bound.
    try (DataManagerClient game = client(a, a.game, RetryPolicy.of(3, Duration.ofSeconds(8)))) {
      heard.clear();
      long started = System.nanoTime();
      Unavailable unavailable = assertThrows(Unavailable.class, () -> game.join(STORE, "Client_Drained"));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertEquals(503, unavailable.status());
      assertEquals("shutting-down", unavailable.kind());
      assertTrue(unavailable.retryable());
      assertEquals(Duration.ofSeconds(5), unavailable.retryAfter().orElseThrow());
      assertEquals(List.of("retrying 1 shutting-down PT5S"), heard);
      assertTrue(took.compareTo(Duration.ofSeconds(5)) >= 0 && took.compareTo(Duration.ofSeconds(30)) < 0,
          "took " + took);
      assertProblem(404, a.send(a.request("/api/v1/stores/" + STORE + "/records/Client_Drained", a.admin).build()));
    }
  }

  private DataManagerClient client(ApiNode node, BasicCredentials user, RetryPolicy policy) {
    return DataManagerClient.builder()
        .baseUri(node.process.uri(""))
        .credentials(user.user(), user.password())
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(60))
        .retryPolicy(policy)
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
        })
        .build();
  }

  /** Waits for the owner's poll to bring message {@code id} into the session. */
  private static void awaitInbox(DataManagerClient game, String key, String id) {
    Await.until(Duration.ofSeconds(10), "message " + id + " in the session of " + key,
        () -> game.get(STORE, key).messages().stream().anyMatch(message -> message.id().equals(id)));
  }

  private static JsonArray patch(String operations) {
    return Json.createReader(new StringReader(operations)).readArray();
  }

  private static List<String> items(JsonObject data) {
    return data.getJsonArray("items").getValuesAs(JsonString::getString);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
