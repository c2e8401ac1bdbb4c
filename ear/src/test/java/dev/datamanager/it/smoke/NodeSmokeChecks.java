package dev.datamanager.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;

/** The checks every started node must pass, whatever its database. */
final class NodeSmokeChecks {

  private NodeSmokeChecks() {}

  static void assertServes(NodeProcess node, String databaseProduct) {
    JsonObject server = json(node, "/api/v1/server");
    assertEquals(node.serverId(), server.getString("serverId"));
    assertEquals(node.serverId(), server.getJsonObject("settings").getString("datamanager.server.id"));

    JsonObject ready = json(node, "/health/ready");
    assertEquals("UP", ready.getString("status"));
    assertEquals(databaseProduct,
        ready.getJsonArray("checks").getJsonObject(0).getJsonObject("data").getString("product"));
    assertEquals("UP", json(node, "/health/live").getString("status"));

    HttpResponse<String> metrics = node.get("/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("# TYPE"), "Prometheus text expected from /metrics");

    HttpResponse<String> openApi = node.get("/openapi");
    assertEquals(200, openApi.statusCode());
    assertTrue(openApi.body().contains("/api/v1/server"), "OpenAPI document lists the API");
    assertEquals(200, node.get("/openapi/ui/").statusCode());
  }

  static JsonObject json(NodeProcess node, String path) {
    HttpResponse<String> response = node.get(path);
    assertEquals(200, response.statusCode(), () -> path + " answered " + response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
