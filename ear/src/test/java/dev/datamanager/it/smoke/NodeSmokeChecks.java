package dev.datamanager.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.NodeProcess;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The checks every started node must pass, whatever its database. */
final class NodeSmokeChecks {

  /** The development default admin of server.xml; real nodes set their own through the environment. */
  private static final BasicCredentials DEV_ADMIN = new BasicCredentials("admin", "dev-only-admin-password");

  private NodeSmokeChecks() {}

  static void assertServes(NodeProcess node, String databaseProduct) {
    JsonObject server = json(node, "/api/v1/server");
    assertEquals(0, server.getInt("sessionCount"));
    assertEquals(node.serverId(), server.getString("serverId"));
    assertEquals(node.serverId(), server.getJsonObject("settings").getString("datamanager.server.id"));

    JsonObject ready = json(node, "/health/ready");
    assertEquals("UP", ready.getString("status"));
    JsonObject database = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
    assertEquals(databaseProduct, database.getJsonObject("data").getString("product"));
    assertEquals("UP", json(node, "/health/live").getString("status"));

    HttpResponse<String> metrics = node.get("/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("# TYPE"), "Prometheus text expected from /metrics");

    HttpResponse<String> openApi = node.get("/openapi");
    assertEquals(200, openApi.statusCode());
    assertTrue(openApi.body().contains("/api/v1/server"), "OpenAPI document lists the API");
    assertEquals(200, node.get("/openapi/ui/").statusCode());
  }

  /** GET as the development admin user of server.xml; the runtime endpoints ignore the credentials. */
  static JsonObject json(NodeProcess node, String path) {
    HttpResponse<String> response = node.send(asAdmin(node, path).build());
    assertEquals(200, response.statusCode(), () -> path + " answered " + response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** A request to {@code path} as the development admin user, who may also call every session endpoint. */
  static HttpRequest.Builder asAdmin(NodeProcess node, String path) {
    return HttpRequest.newBuilder(node.uri(path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", DEV_ADMIN.header());
  }
}
