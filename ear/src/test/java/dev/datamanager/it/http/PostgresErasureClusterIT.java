package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.user.RecordRef;
import dev.datamanager.api.user.UserErasure;
import dev.datamanager.it.node.Await;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Erasure across two nodes on one PostgreSQL database: a record a live node holds is erased by that owner, whose
 * session is then lost; a record whose owner is dead but whose lease is recent answers 409 with Retry-After, and a
 * user erasure lists it as pending and finishes it by itself once the lease is stale.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresErasureClusterIT {

  private static final String PLAYERS = ErasureTests.PLAYERS;
  private static final String PURCHASES = ErasureTests.PURCHASES;
  /** A dead owner's lease is stale after {@code lock.stale}: short here, so a pending erasure ends within seconds. */
  private static final Duration STALE = Duration.ofSeconds(10);
  private static final Map<String, String> SETTINGS = Map.of(
      "DATAMANAGER_TEMPLATES_DIR", ErasureTests.templates().toString(),
      "DATAMANAGER_LOCK_RECENT", "PT4S",
      "DATAMANAGER_LOCK_STALE", STALE.toString(),
      // A live owner renews its leases well within lock.recent.
      "DATAMANAGER_AUTOSAVE_INTERVAL", "PT1S",
      "DATAMANAGER_HANDOFF_WAIT", "PT2S",
      "DATAMANAGER_ERASURE_RETRY", "PT2S");

  private ApiNode a;
  private ApiNode b;
  private ErasedRows rows;

  @BeforeAll
  void startTwoNodesOnOneDatabase() {
    Map<String, String> database = NodeDatabase.POSTGRES.freshEnvironment("erasure_cluster");
    CompletableFuture<ApiNode> startingA = CompletableFuture.supplyAsync(
        () -> ApiNode.startOn("erasure-a", database, SETTINGS));
    CompletableFuture<ApiNode> startingB = CompletableFuture.supplyAsync(
        () -> ApiNode.startOn("erasure-b", database, SETTINGS));
    a = startingA.join();
    b = startingB.join();
    rows = new ErasedRows(database);
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
  void aRecordALiveNodeHoldsIsErasedByItsOwnerWhoseSessionIsThenLost() {
    hold(b, PLAYERS, "Live_1", "{\"coins\":8}", "live-1");
    b.sessions().mergePatch(PLAYERS, "Live_1", Problems.json("{\"coins\":9}"));

    assertEquals(204, a.send(a.request(record(PLAYERS, "Live_1"), a.admin).DELETE().build()).statusCode());

    ErasureTests.assertSessionLost(assertProblem(409, b.send(b.request(session(PLAYERS, "Live_1"), b.game)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coins\":10}")).build())));
    assertProblem(404, a.send(a.request(record(PLAYERS, "Live_1"), a.admin).build()));
    assertProblem(404, b.send(b.request(record(PLAYERS, "Live_1"), b.admin).build()));
    rows.assertNothingLeft(List.of(new RecordKey(PLAYERS, "Live_1")), "live-1");
  }

  @Test
  void aDeadOwnersRecentLeaseRefusesTheErasureWithRetryAfter() {
    hold(a, PLAYERS, "Dead_1", "{\"coins\":1}", "dead-1");
    a.sessions().leave(PLAYERS, "Dead_1");
    rows.takeLockAsDeadNode(new RecordKey(PLAYERS, "Dead_1"));

    HttpResponse<String> refused = a.send(a.request(record(PLAYERS, "Dead_1"), a.admin).DELETE().build());

    JsonObject problem = assertProblem(409, refused);
    assertEquals("urn:datamanager:problem:session-refused", problem.getString("type"));
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= STALE.toSeconds(), "Retry-After " + retryAfter);
    assertEquals(1, a.records().get(PLAYERS, "Dead_1").data().getInt("coins"), "nothing erased");
    assertEquals(1, rows.rowsOf("dm_record", new RecordKey(PLAYERS, "Dead_1")));
  }

  @Test
  void aUserErasureFinishesTheRecordOfADeadOwnerByItselfOnceItsLeaseIsStale() {
    String user = "cluster:Quinn-Wyatt";
    RecordKey dead = new RecordKey(PLAYERS, "Mixed_dead");
    RecordKey live = new RecordKey(PLAYERS, "Mixed_live");
    RecordKey free = new RecordKey(PURCHASES, "Mixed_free");
    hold(b, live.store(), live.key(), "{\"coins\":2}", user);
    hold(a, free.store(), free.key(), "{\"receipts\":[\"r-1\"]}", user);
    a.sessions().leave(free.store(), free.key());
    hold(a, dead.store(), dead.key(), "{\"coins\":3}", user);
    a.sessions().leave(dead.store(), dead.key());
    rows.takeLockAsDeadNode(dead);

    UserErasure erasure = a.users().erase(user);

    assertEquals(Set.of(ref(live), ref(free)), Set.copyOf(erasure.erased()));
    assertEquals(List.of(ref(dead)), erasure.pending());
    ErasureTests.assertSessionLost(assertProblem(409, b.send(b.request(session(live.store(), live.key()), b.game)
        .build())));
    assertEquals(3, a.records().get(dead.store(), dead.key()).data().getInt("coins"), "still there while pending");
    assertEquals(1, rows.rowsOf("dm_erasure_pending", dead));
    rows.assertNowhereInClear("dm_erasure_pending", List.of(user));
    assertEquals("pending", rows.audit("erase-user").stream()
        .filter(entry -> entry.get("target").equals(ErasedRows.hash(user))).findFirst().orElseThrow()
        .get("outcome"));

    Duration took = Await.until(Duration.ofSeconds(90), "the pending erasure is done",
        () -> a.send(a.request(record(dead.store(), dead.key()), a.admin).build()).statusCode() == 404);
    System.out.println("The pending erasure was done " + took.toSeconds() + " s after the user erasure");

    rows.assertNothingLeft(List.of(dead, live, free), user);
    rows.assertNowhereInClear("dm_audit", List.of(user));
    rows.assertNowhereInClear("dm_audit", List.of(dead.key(), live.key(), free.key()));
    assertEquals(1, rows.audit("erase").stream()
        .filter(entry -> entry.get("target").equals(ErasedRows.hash(dead.store() + "/" + dead.key()))
            && entry.get("outcome").equals("ok") && entry.get("user_name").equals(a.admin.user()))
        .count(), "the completed erasure is audited for the admin who asked");
  }

  private static void hold(ApiNode node, String store, String key, String change, String userId) {
    node.sessions().join(store, key);
    node.sessions().mergePatch(store, key, Problems.json(change));
    node.sessions().replaceUserIds(store, key, ErasureTests.ids(userId));
    node.sessions().save(store, key);
  }

  private static RecordRef ref(RecordKey key) {
    return new RecordRef(key.store(), key.key());
  }

  private static String record(String store, String key) {
    return "/api/v1/stores/" + store + "/records/" + key;
  }

  private static String session(String store, String key) {
    return "/api/v1/stores/" + store + "/sessions/" + key;
  }
}
