package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.session.RecordView;
import dev.datamanager.api.session.SessionView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every row of the HTTP API table and its listed answers, driven through the typed client where it succeeds. */
abstract class ApiContractTests extends OneNodePerClass {

  static final String STORE = "PlayerData";

  ApiContractTests(NodeDatabase database) {
    super("contract", database);
  }

  @Test
  void joinCreatesFromTemplateAndRejoinOnThisNodeAnswersTheHeldSession() {
    SessionView joined = node.sessions().join(STORE, "Join_1");
    assertEquals(0, joined.data().getInt("coins"));
    assertEquals("en", joined.data().getJsonObject("settings").getString("language"));
    assertEquals(node.process.serverId(), joined.lock().owner());
    assertEquals(false, joined.dirty());
    SessionView again = node.sessions().join(STORE, "Join_1");
    assertEquals(joined.lock().generation(), again.lock().generation());
    assertEquals(joined.data(), node.sessions().get(STORE, "Join_1").data());
  }

  @Test
  void patchesChangeRamOnlyUntilSaveCommitsANewVersion() {
    SessionView joined = node.sessions().join(STORE, "Patch_1");
    SessionView merged = node.sessions().mergePatch(STORE, "Patch_1", json("{\"coins\":250,\"gems\":3}"));
    assertEquals(250, merged.data().getInt("coins"));
    assertTrue(merged.dirty());
    SessionView patched = node.sessions().jsonPatch(STORE, "Patch_1", Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "add").add("path", "/items/-").add("value", "sword")).build());
    assertEquals(List.of("sword"), patched.data().getJsonArray("items").getValuesAs(JsonString::getString));
    assertEquals(0, node.records().get(STORE, "Patch_1").data().getInt("coins"), "RAM only until saved");

    SessionView saved = node.sessions().save(STORE, "Patch_1");
    assertEquals(joined.version() + 1, saved.version());
    assertEquals(false, saved.dirty());
    RecordView record = node.records().get(STORE, "Patch_1");
    assertEquals(saved.data(), record.data());
    assertEquals(saved.version(), record.version());
    assertEquals(node.process.serverId(), record.lock().owner());
    assertNotNull(record.updatedAt());
  }

  @Test
  void aPatchPreferringReturnMinimalAnswers204WithTheNewStatesTag() {
    node.sessions().join(STORE, "Minimal_1");
    String path = "/api/v1/stores/PlayerData/sessions/Minimal_1";

    HttpResponse<String> merged = node.send(minimal(path, "application/merge-patch+json", "{\"coins\":7}"));
    HttpResponse<String> patched = node.send(minimal(path, "application/json-patch+json",
        "[{\"op\":\"add\",\"path\":\"/items/-\",\"value\":\"bow\"}]"));

    assertEquals(204, merged.statusCode());
    assertEquals("", merged.body());
    assertEquals("return=minimal", merged.headers().firstValue("Preference-Applied").orElse(null));
    String first = merged.headers().firstValue("ETag").orElseThrow();
    assertTrue(first.matches("\"[0-9]+-[0-9]+-[0-9]+\""), first);
    assertEquals(204, patched.statusCode());
    assertNotEquals(first, patched.headers().firstValue("ETag").orElseThrow(), "each change names a new state");
    SessionView session = node.sessions().get(STORE, "Minimal_1");
    assertEquals(7, session.data().getInt("coins"));
    assertEquals(List.of("bow"), session.data().getJsonArray("items").getValuesAs(JsonString::getString));
    // Refusals answer as always; without the preference the whole session comes back.
    assertProblem(422, node.send(minimal(path, "application/merge-patch+json", "{\"coins\":\"many\"}")));
    HttpResponse<String> whole = node.send(patch(path, "application/merge-patch+json", "{\"coins\":8}"));
    assertEquals(200, whole.statusCode());
    assertTrue(whole.headers().firstValue("ETag").isEmpty());
    assertEquals(8, json(whole.body()).getJsonObject("data").getInt("coins"));
  }

  @Test
  void leaveSavesReleasesAndDropsTheSession() {
    node.sessions().join(STORE, "Leave_1");
    node.sessions().mergePatch(STORE, "Leave_1", json("{\"level\":7}"));
    assertEquals(204, node.send(node.request("/api/v1/stores/PlayerData/sessions/Leave_1", node.game)
        .DELETE().build()).statusCode());
    RecordView record = node.records().get(STORE, "Leave_1");
    assertEquals(7, record.data().getInt("level"));
    assertNull(record.lock(), "released");
    assertProblem(404, node.send(node.request("/api/v1/stores/PlayerData/sessions/Leave_1", node.game).build()));
    assertProblem(404, node.send(node.request("/api/v1/stores/PlayerData/sessions/Leave_1", node.game)
        .DELETE().build()));
  }

  @Test
  void listAndServerInfoReportTheHeldSessions() {
    node.sessions().join(STORE, "List_1");
    List<SessionView> listed = node.sessionList().list();
    assertTrue(listed.stream().anyMatch(s -> s.key().equals("List_1") && s.store().equals(STORE)), listed::toString);
    assertEquals(listed.size(), node.server().describe().sessionCount());
    assertEquals(node.process.serverId(), node.server().describe().serverId());
  }

  @Test
  void metricsCountJoinsCommitsAndHeldSessions() {
    node.sessions().join(STORE, "Metrics_1");
    node.sessions().mergePatch(STORE, "Metrics_1", json("{\"coins\":1}"));
    node.sessions().save(STORE, "Metrics_1");
    String metrics = node.process.get("/metrics").body();
    assertTrue(metrics.lines().anyMatch(line -> line.startsWith("datamanager_joins_total{")
        && line.contains("outcome=\"created\"")), "joins counted by outcome");
    assertTrue(metrics.contains("datamanager_commits_total"), "commits counted");
    assertTrue(metrics.contains("datamanager_commit_batch_size"), "batch sizes recorded");
    assertTrue(metrics.lines().anyMatch(line -> line.startsWith("datamanager_sessions_held")
        && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1), "held sessions gauge");
    // What the alerts of deploy/prometheus watch: there from the start, counters at 0 before their first rise.
    for (String alerted : List.of("datamanager_autosave_lag_seconds{", "datamanager_autosave_interval_seconds{",
        "datamanager_draining{", "datamanager_locks_of_gone_nodes{", "datamanager_lease_unsafe_total{",
        "datamanager_database_errors_total{", "datamanager_write_budget_waits_total{", "datamanager_locks_lost_total{")) {
      assertTrue(metrics.lines().anyMatch(line -> line.startsWith(alerted)), alerted + " in\n" + metrics);
    }
    assertTrue(metrics.lines().anyMatch(line -> line.startsWith("datamanager_joins_total{")
        && line.contains("outcome=\"refused\"")), "refused joins counted from the start");
  }

  @Test
  void sessionEndpointsAnswer404ForARecordNotHeldHere() {
    String path = "/api/v1/stores/PlayerData/sessions/Never_1";
    assertProblem(404, node.send(node.request(path, node.game).build()));
    assertProblem(404, node.send(node.request(path, node.game).method("PATCH",
        HttpRequest.BodyPublishers.ofString("{\"coins\":1}")).header("Content-Type", "application/merge-patch+json")
        .build()));
    assertProblem(404, node.send(node.request(path + "/save", node.game)
        .POST(HttpRequest.BodyPublishers.noBody()).build()));
    assertProblem(404, node.send(node.request("/api/v1/stores/PlayerData/records/Never_1", node.admin).build()));
    assertProblem(404, node.send(node.request("/api/v1/stores/NoSuchStore/sessions/Never_1", node.game)
        .POST(HttpRequest.BodyPublishers.noBody()).build()));
  }

  @Test
  void patchAnswers415And422And413WithoutChangingTheSession() {
    SessionView before = node.sessions().join(STORE, "Refuse_1");
    String path = "/api/v1/stores/PlayerData/sessions/Refuse_1";
    assertProblem(415, node.send(patch(path, "application/json", "{\"coins\":1}")));
    assertProblem(422, node.send(patch(path, "application/merge-patch+json", "{\"coins\":\"many\"}")));
    // Under the body limit, but the patched document would be over it.
    String nearLimit = "{\"bio\":\"" + "x".repeat(4_194_304 - 20) + "\"}";
    assertProblem(413, node.send(patch(path, "application/merge-patch+json", nearLimit)));
    assertEquals(before.data(), node.sessions().get(STORE, "Refuse_1").data());
  }

  @Test
  void badNamesAnswer400AndMissingCredentials401() {
    assertProblem(400, node.send(node.request("/api/v1/stores/PlayerData/sessions/" + "k".repeat(51), node.game)
        .POST(HttpRequest.BodyPublishers.noBody()).build()));
    assertProblem(401, node.send(node.request("/api/v1/sessions").build()));
    assertProblem(403, node.send(node.request("/api/v1/server", node.game).build()));
  }

  @Test
  void runtimeEndpointsStayOpenAndDocumentTheApi() {
    assertEquals(200, node.send(node.request("/health/ready").build()).statusCode());
    assertEquals(200, node.send(node.request("/health/live").build()).statusCode());
    assertEquals(200, node.send(node.request("/openapi/ui/").build()).statusCode());
    String openApi = node.send(node.request("/openapi").build()).body();
    for (String path : List.of("/api/v1/server:", "/api/v1/sessions:", "/api/v1/stores/{store}/records/{key}:",
        "/api/v1/stores/{store}/sessions/{key}:", "/api/v1/stores/{store}/sessions/{key}/save:",
        "application/merge-patch+json", "application/json-patch+json", "application/problem+json",
        "Save in progress, please rejoin")) {
      assertTrue(openApi.contains(path), "OpenAPI documents " + path);
    }
  }

  HttpRequest patch(String path, String mediaType, String body) {
    return node.request(path, node.game).header("Content-Type", mediaType)
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
  }

  HttpRequest minimal(String path, String mediaType, String body) {
    return node.request(path, node.game).header("Content-Type", mediaType).header("Prefer", "return=minimal")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build();
  }

  static JsonObject json(String text) {
    return Problems.json(text);
  }
}
