package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API contract on PostgreSQL, plus the two 409 answers: they need another writer of the same database, here a
 * statement that takes the lock the way another node would.
 */
class PostgresApiContractIT extends ApiContractTests {

  PostgresApiContractIT() {
    super(NodeDatabase.POSTGRES);
  }

  @Test
  void joinOfARecordLockedElsewhereAnswers409SaveInProgressWithRetryAfter() throws SQLException {
    node.sessions().join(STORE, "Locked_1");
    node.send(node.request("/api/v1/stores/PlayerData/sessions/Locked_1", node.game).DELETE().build());
    takeLockAsAnotherNode("Locked_1");
    HttpResponse<String> refused = node.send(node.request("/api/v1/stores/PlayerData/sessions/Locked_1", node.game)
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    assertEquals("Save in progress, please rejoin", assertProblem(409, refused).getString("title"));
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    // The lease is fresh, so it goes stale after about datamanager.lock.stale (5 min).
    assertTrue(retryAfter > 240 && retryAfter <= 300, "Retry-After " + retryAfter);
  }

  @Test
  void aSessionWhoseLockWasTakenAnswers409SessionLost() throws SQLException {
    node.sessions().join(STORE, "Lost_1");
    takeLockAsAnotherNode("Lost_1");
    String path = "/api/v1/stores/PlayerData/sessions/Lost_1";
    assertProblem(409, node.send(node.request(path + "/save", node.game)
        .POST(HttpRequest.BodyPublishers.noBody()).build()));
    assertProblem(409, node.send(patch(path, "application/merge-patch+json", "{\"coins\":1}")));
    assertEquals("node-elsewhere", node.records().get(STORE, "Lost_1").lock().owner());
  }

  private void takeLockAsAnotherNode(String key) throws SQLException {
    Map<String, String> env = node.databaseEnvironment();
    try (Connection c = TestPostgres.shared().connect(env.get("DB_NAME"));
        Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("UPDATE dm_record SET owner_id = 'node-elsewhere',"
          + " lease_renewed_at = CURRENT_TIMESTAMP, generation = generation + 1"
          + " WHERE store_name = 'PlayerData' AND record_key = '" + key + "'"));
    }
  }
}
