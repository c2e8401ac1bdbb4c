package dev.datamanager.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.NodeProcess;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged node on embedded Derby without DERBY_DIR keeps acknowledged data across a stop and a fresh start. */
class DerbyRestartIT {

  private static final String KEY = "Restart_1";
  private static final String SESSION = "/api/v1/stores/PlayerData/sessions/" + KEY;

  @Test
  void dataOfTheDefaultFolderSurvivesARestartWithAFreshJarExtract() throws Exception {
    Path home = Files.createDirectories(Path.of("target", "homes", "derby-" + System.currentTimeMillis()))
        .toAbsolutePath();
    Path derby = home.resolve(".datamanager").resolve("derby");

    List<String> firstLog;
    try (NodeProcess node = NodeProcess.startInHome("derby-restart", home, Map.of())) {
      assertEquals(200, send(node, "POST", SESSION, null).statusCode());
      HttpResponse<String> patched = send(node, "PATCH", SESSION, "{\"coins\": 1234}");
      assertEquals(200, patched.statusCode(), patched::body);
      assertEquals(204, send(node, "DELETE", SESSION, null).statusCode());
      firstLog = node.logLines();
    }

    try (NodeProcess again = NodeProcess.startInHome("derby-restart-again", home, Map.of())) {
      JsonObject record = NodeSmokeChecks.json(again, "/api/v1/stores/PlayerData/records/" + KEY);
      assertEquals(1234, record.getJsonObject("data").getInt("coins"), record::toString);
      assertTrue(!record.containsKey("lock") || record.isNull("lock"), () -> "released: " + record);
      assertNamesFolder(again.logLines(), derby);
    }
    assertNamesFolder(firstLog, derby);
    assertTrue(Files.isRegularFile(derby.resolve("datamanager").resolve("service.properties")),
        () -> "no Derby database in " + derby);
  }

  private static void assertNamesFolder(List<String> log, Path derby) {
    assertTrue(log.stream().anyMatch(line -> line.contains("Database at") && line.contains(derby.toString())),
        () -> "the start log names " + derby + ":\n" + String.join("\n", log));
  }

  private static HttpResponse<String> send(NodeProcess node, String method, String path, String mergePatch) {
    HttpRequest.Builder request = NodeSmokeChecks.asAdmin(node, path);
    if (mergePatch == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/merge-patch+json")
          .method(method, HttpRequest.BodyPublishers.ofString(mergePatch));
    }
    return node.send(request.build());
  }
}
