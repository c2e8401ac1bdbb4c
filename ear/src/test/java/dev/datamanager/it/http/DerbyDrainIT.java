package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static dev.datamanager.it.http.Problems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/server/drain} and {@code GET /api/v1/nodes}: a drained node refuses new joins (503, join
 * elsewhere) while its players keep playing and leave as before, says so in the node list, and the drain is
 * audited; only an admin drains.
 */
class DerbyDrainIT extends OneNodePerClass {

  DerbyDrainIT() {
    super("drain", NodeDatabase.DERBY);
  }

  @Test
  void aDrainedNodeRefusesJoinsKeepsItsSessionsAndSaysSo() {
    node.sessions().join("PlayerData", "Stays");
    // Each node beats about once a second; its row then carries the session.
    Await.until(Duration.ofSeconds(10), "the node list to show the session", () -> onlyNode().getInt("sessions") == 1);
    JsonObject before = onlyNode();
    assertEquals(false, before.getBoolean("draining"), before.toString());
    assertTrue(before.getInt("silentSeconds") <= 2, before.toString());

    for (BasicCredentials notAdmin : List.of(node.game, node.support)) {
      assertEquals(403, drain(notAdmin).statusCode(), notAdmin.user() + " may not drain");
    }
    assertEquals(403, node.send(node.request("/api/v1/nodes", node.game).GET().build()).statusCode());
    HttpResponse<String> drained = drain(node.admin);
    assertEquals(202, drained.statusCode(), drained.body());
    assertTrue(json(drained.body()).getBoolean("draining"), drained.body());

    JsonObject refused = assertProblem(503, node.send(node.request("/api/v1/stores/PlayerData/sessions/New",
        node.game).POST(HttpRequest.BodyPublishers.noBody()).build()));
    assertEquals("urn:datamanager:problem:shutting-down", refused.getString("type"));
    assertTrue(refused.getString("detail").contains("draining"), refused.toString());
    assertEquals(404, node.send(node.request("/api/v1/stores/PlayerData/records/New", node.admin).GET().build())
        .statusCode(), "the refused join created nothing");

    HttpResponse<String> patch = node.send(node.request("/api/v1/stores/PlayerData/sessions/Stays", node.game)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coins\":5}")).build());
    assertEquals(200, patch.statusCode(), "a held session keeps playing: " + patch.body());
    Await.until(Duration.ofSeconds(10), "the node list to show the drain", () -> onlyNode().getBoolean("draining"));
    assertEquals(202, drain(node.admin).statusCode(), "draining again changes nothing");
    node.sessions().leave("PlayerData", "Stays");
    assertEquals(5, node.records().get("PlayerData", "Stays").data().getInt("coins"), "the leave saved it");

    List<JsonObject> drains = json(node.send(node.request("/api/v1/audit?action=drain", node.admin).GET().build())
        .body()).getJsonArray("entries").stream().map(JsonValue::asJsonObject).toList();
    assertEquals(2, drains.size(), drains.toString());
    assertEquals(node.admin.user(), drains.get(0).getString("user"));
    assertEquals("drain-derby", drains.get(0).getString("target"), "the target is the node drained");
  }

  private HttpResponse<String> drain(BasicCredentials user) {
    return node.send(node.request("/api/v1/server/drain", user).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private JsonObject onlyNode() {
    HttpResponse<String> nodes = node.send(node.request("/api/v1/nodes", node.support).GET().build());
    assertEquals(200, nodes.statusCode(), nodes.body());
    List<JsonObject> listed = json(nodes.body()).getJsonArray("nodes").stream().map(JsonValue::asJsonObject).toList();
    assertEquals(1, listed.size(), nodes.body());
    assertEquals("drain-derby", listed.get(0).getString("id"));
    return listed.get(0);
  }
}
