package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.TestPostgres;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A trade whose commit is cut off by a PostgreSQL shutdown while the database is inside {@code COMMIT} (a deferred
 * trigger holds it there): the node cannot know the outcome, so it answers {@code 504}, its sessions refuse changes
 * ({@code 503 trade-unresolved}) until it has read the outcome back once the database is up again, and then they are
 * exactly what the database holds. Repeating the trade with its Idempotency-Key then carries it out once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultTradeOutcomeIT {

  private static final String GIVER = "Outcome_giver";
  private static final String TAKER = "Outcome_taker";
  private static final String TRADE = """
      {"changes": [
        {"key": "Outcome_giver", "patch": [{"op": "test", "path": "/items/0", "value": "sword-1"},
                                           {"op": "remove", "path": "/items/0"}]},
        {"key": "Outcome_taker", "patch": [{"op": "add", "path": "/items/-", "value": "sword-1"}]}]}""";

  private TestPostgres postgres;
  private Cluster cluster;
  private FaultNode node;

  @BeforeAll
  void start() {
    postgres = TestPostgres.forOutages("postgres-trade-outcome");
    Map<String, String> env = new HashMap<>(postgres.freshNodeEnvironment("tradeoutcome"));
    env.putAll(LeaseSettings.LONG.environment());
    cluster = Cluster.start(env, "outcome-a");
    node = cluster.node("outcome-a");
  }

  @AfterAll
  void stop() {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      postgres.close();
    }
  }

  @Test
  void aCommitCutOffInsideCommitBlocksItsSessionsUntilTheOutcomeIsReadBackAndIsNeverGuessed() throws Exception {
    assertTrue(node.join(GIVER).ok() && node.join(TAKER).ok());
    assertTrue(node.mergePatch(GIVER, "{\"items\": [\"sword-1\"]}").ok());
    assertTrue(node.mergePatch(TAKER, "{\"items\": []}").ok());
    assertTrue(node.save(GIVER).ok() && node.save(TAKER).ok());
    stallTradeCommits(true);

    CompletableFuture<Answer> cutOff = CompletableFuture.supplyAsync(() -> node.tradeOnce(TRADE, "outcome-1"));
    Await.until(Duration.ofSeconds(30), "the trade's COMMIT held by the stalling trigger", this::commitStalled);
    postgres.stop();
    Answer unknown = cutOff.get(90, TimeUnit.SECONDS);

    assertEquals(504, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("urn:datamanager:problem:trade-outcome-unknown"), unknown.body());
    Answer blocked = node.mergePatch(GIVER, "{\"coins\": 1}");
    assertEquals(503, blocked.status(), blocked.body());
    assertTrue(blocked.body().contains("urn:datamanager:problem:trade-unresolved"), blocked.body());
    assertEquals(503, node.leave(TAKER).status(), "one side of an unresolved trade is never released alone");

    postgres.restart();
    Await.until(Duration.ofSeconds(60), "the sessions take changes again once the outcome is read back",
        () -> node.mergePatch(GIVER, "{\"coins\": 1}").ok());
    assertEquals(List.of("sword-1"), items(node.session(GIVER).data().getJsonArray("items")),
        "the trade did not commit (cut off inside COMMIT), and the session was not guessed to hold it");
    assertEquals(List.of(), items(node.session(TAKER).data().getJsonArray("items")));
    assertEquals(List.of(), reasonsOf("trade"), "no version of the cut-off trade exists");

    stallTradeCommits(false);
    AtomicReference<Answer> repeated = new AtomicReference<>();
    Await.until(Duration.ofSeconds(60), "the repeat answered by a database that is back (503: nothing changed)", () -> {
      repeated.set(node.tradeOnce(TRADE, "outcome-1"));
      return repeated.get().status() != 503;
    });
    Answer repeat = repeated.get();
    assertEquals(200, repeat.status(), repeat.body());
    Answer again = node.tradeOnce(TRADE, "outcome-1");
    assertEquals(repeat.body(), again.body(), "a repeat answers the first result");
    assertEquals(List.of(), items(node.record(GIVER).data().getJsonArray("items")));
    assertEquals(List.of("sword-1"), items(node.record(TAKER).data().getJsonArray("items")));
    assertEquals(List.of(GIVER, TAKER), reasonsOf("trade"), "one trade version per record, once");
  }

  /** A deferred trigger that sleeps inside COMMIT of every trade, so the commit can be cut off while in it. */
  private void stallTradeCommits(boolean stall) throws SQLException {
    try (Connection c = postgres.connect(node.databaseName()); Statement s = c.createStatement()) {
      if (stall) {
        s.execute("CREATE OR REPLACE FUNCTION dm_test_stall() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_sleep(60); RETURN NULL; END $$");
        s.execute("CREATE CONSTRAINT TRIGGER dm_test_stall AFTER INSERT ON dm_record_version"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.reason = 'trade')"
            + " EXECUTE FUNCTION dm_test_stall()");
      } else {
        s.execute("DROP TRIGGER dm_test_stall ON dm_record_version");
      }
    }
  }

  private boolean commitStalled() {
    try (Connection c = postgres.connect(node.databaseName()); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep'")) {
      return r.next() && r.getInt(1) > 0;
    } catch (SQLException e) {
      return false;
    }
  }

  private List<String> reasonsOf(String reason) throws SQLException {
    try (Connection c = postgres.connect(node.databaseName());
        PreparedStatement s = c.prepareStatement("SELECT record_key FROM dm_record_version WHERE reason = ?"
            + " ORDER BY record_key")) {
      s.setString(1, reason);
      List<String> keys = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          keys.add(r.getString(1));
        }
      }
      return keys;
    }
  }

  private static List<String> items(JsonArray items) {
    return items.getValuesAs(JsonString::getString);
  }
}
