package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.Await;
import dev.datamanager.it.node.NodeProcess;
import dev.datamanager.testsupport.TestPostgres;
import jakarta.json.JsonObject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Document migrations on PostgreSQL, with a node of the new release (steps 0001 and 0002) and one of the release
 * before (0001 only) on one database: records written at every older schema version are migrated by the join, in
 * the join's own commit; a failing step refuses the join and changes nothing; the older node refuses records ahead
 * of it; a node whose copy of a used step differs does not start. Older records are planted with SQL, as an older
 * release would have left them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationClusterIT {

  private Cluster cluster;
  private FaultNode current;
  private FaultNode older;
  private String database;
  private Map<String, String> environment;

  @BeforeAll
  void startNodes() {
    environment = new HashMap<>(TestPostgres.shared().freshNodeEnvironment("migrations"));
    database = environment.get("DB_NAME");
    environment.putAll(LeaseSettings.LONG.environment());
    Map<String, String> currentEnvironment = new HashMap<>(environment);
    currentEnvironment.put("DATAMANAGER_TEMPLATES_DIR", templates("v2").toString());
    Map<String, String> olderEnvironment = new HashMap<>(environment);
    olderEnvironment.put("DATAMANAGER_TEMPLATES_DIR", templates("v1").toString());
    Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    nodes.put("mig-current", currentEnvironment);
    nodes.put("mig-older", olderEnvironment);
    cluster = Cluster.start(nodes);
    current = cluster.node("mig-current");
    older = cluster.node("mig-older");
  }

  @AfterAll
  void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static Path templates(String release) {
    try {
      return Path.of(MigrationClusterIT.class.getResource("/migration-templates/" + release).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void recordsAtEveryOlderVersionAreMigratedByTheJoinInItsOwnCommit() throws SQLException {
    plant("Mig_v0", "{\"coins\":5,\"level\":1}", 0);
    plant("Mig_v0_level3", "{\"coins\":7,\"level\":3}", 0);
    plant("Mig_v1", "{\"gold\":9,\"level\":1}", 1);

    JsonObject v0 = joined(current, "Mig_v0");
    assertEquals(5, v0.getJsonObject("data").getInt("gold"), v0.toString());
    assertFalse(v0.getJsonObject("data").containsKey("coins"), "moved, not copied: " + v0);
    assertEquals(10, v0.getJsonObject("data").getInt("bonus"), v0.toString());
    assertEquals(2, v0.getInt("schemaVersion"));

    JsonObject skipped = joined(current, "Mig_v0_level3");
    assertEquals(7, skipped.getJsonObject("data").getInt("gold"));
    assertFalse(skipped.getJsonObject("data").containsKey("bonus"), "step 0002's test failed: skipped");
    assertEquals(2, skipped.getInt("schemaVersion"), "a skipped step still advances the version");

    JsonObject v1 = joined(current, "Mig_v1");
    assertEquals(9, v1.getJsonObject("data").getInt("gold"));
    assertEquals(10, v1.getJsonObject("data").getInt("bonus"), "only step 0002 was missing");

    for (String key : List.of("Mig_v0", "Mig_v0_level3", "Mig_v1")) {
      assertEquals(List.of("migration 2"), versionsAfterThePlant(key), key + ": one version, in the join's commit");
      assertEquals(204, current.leave(key).status(), key);
    }
    Answer stored = current.record("Mig_v0");
    assertEquals(2, stored.json().getInt("schemaVersion"), stored.toString());
    assertEquals(5, stored.data().getInt("gold"));
  }

  @Test
  void aStepThatFailsRefusesTheJoinAndChangesNothing() throws SQLException {
    plant("Mig_bad", "{\"level\":1}", 0); // no /coins to move
    Answer refused = current.join("Mig_bad");
    assertEquals(422, refused.status(), refused.toString());
    assertEquals("urn:datamanager:problem:migration-failed", refused.json().getString("type"), refused.toString());
    assertTrue(refused.json().getString("detail").contains("0001-coins-to-gold"), refused.toString());
    Answer record = current.record("Mig_bad");
    assertNull(record.owner(), "the lock was not taken: " + record);
    assertEquals(0, record.json().getInt("schemaVersion"));
    assertEquals("{\"level\":1}", record.data().toString());
    assertEquals(List.of(), versionsAfterThePlant("Mig_bad"));
  }

  @Test
  void theOlderNodeMigratesAsFarAsItKnowsAndRefusesRecordsAheadOfIt() throws SQLException {
    assertEquals(200, current.join("Mig_new").status());
    assertEquals(2, current.session("Mig_new").json().getInt("schemaVersion"), "created at the latest step");
    assertEquals(204, current.leave("Mig_new").status());
    Answer ahead = older.join("Mig_new");
    assertEquals(409, ahead.status(), ahead.toString());
    assertEquals("urn:datamanager:problem:upgrade-this-node", ahead.json().getString("type"), ahead.toString());
    assertNull(current.record("Mig_new").owner(), "nothing taken");

    plant("Mig_old_node", "{\"coins\":3,\"level\":1}", 0);
    JsonObject onOlder = joined(older, "Mig_old_node");
    assertEquals(1, onOlder.getInt("schemaVersion"));
    assertEquals(3, onOlder.getJsonObject("data").getInt("gold"));
    assertFalse(onOlder.getJsonObject("data").containsKey("bonus"));
    assertEquals(204, older.leave("Mig_old_node").status());
    JsonObject onCurrent = joined(current, "Mig_old_node");
    assertEquals(2, onCurrent.getInt("schemaVersion"));
    assertEquals(10, onCurrent.getJsonObject("data").getInt("bonus"), "the newer node adds what the older lacked");
    assertEquals(204, current.leave("Mig_old_node").status());
  }

  @Test
  void aMigrateJobBringsEveryRecordToTheLatestStepAndWaitsForTheOlderNodesSession() throws SQLException {
    plant("Job_v0", "{\"coins\":4,\"level\":1}", 0);
    plant("Job_v1", "{\"gold\":6,\"level\":2}", 1);
    plant("Job_older_holds", "{\"coins\":8,\"level\":1}", 0);
    assertEquals(1, joined(older, "Job_older_holds").getInt("schemaVersion"), "as far as the older node knows");
    assertEquals(2, joined(current, "Job_current_holds").getInt("schemaVersion"));

    Answer started = current.startJob("{\"kind\":\"migrate\"}");
    assertEquals(202, started.status(), started.toString());
    String id = started.json().getString("id");
    // Every record but the one the older node holds (it cannot migrate it; the job waits for it) is handled.
    Await.until(Duration.ofSeconds(60), "the job handles every record but the older node's session", () -> {
      JsonObject job = current.job(id).json();
      return handled(job) == job.getInt("total") - 1;
    });
    JsonObject v0 = current.record("Job_v0").json();
    assertEquals(List.of(2, 4, 10), List.of(v0.getInt("schemaVersion"), v0.getJsonObject("data").getInt("gold"),
        v0.getJsonObject("data").getInt("bonus")), v0.toString());
    JsonObject v1 = current.record("Job_v1").json();
    assertEquals(2, v1.getInt("schemaVersion"), v1.toString());
    assertFalse(v1.getJsonObject("data").containsKey("bonus"), "step 0002's test failed: skipped " + v1);
    for (String key : List.of("Job_v0", "Job_v1")) {
      assertEquals(List.of("migration 2"), versionsAfterThePlant(key), key + ": migrated once, by the job");
      assertNull(current.record(key).owner(), key + " released after its migration");
    }
    assertEquals(List.of("create 2"), versionsAfterThePlant("Job_current_holds"), "created at the latest step: skipped");
    assertEquals(1, current.record("Job_older_holds").json().getInt("schemaVersion"), "the older node's session"
        + " is not migrated behind its back");

    assertEquals(200, older.mergePatch("Job_older_holds", "{\"gems\":3}").status(), "the player plays on");
    assertEquals(204, older.leave("Job_older_holds").status());
    Await.until(Duration.ofSeconds(60), "the job ends", () -> "done".equals(current.job(id).json().getString("state")));
    JsonObject job = current.job(id).json();
    assertEquals(job.getInt("total"), handled(job), job.toString());
    assertTrue(job.getJsonArray("errors").stream().noneMatch(e -> e.asJsonObject().getString("key")
        .startsWith("Job_")), job.toString());
    JsonObject released = current.record("Job_older_holds").json();
    JsonObject data = released.getJsonObject("data");
    assertEquals(List.of(2, 8, 10, 3), List.of(released.getInt("schemaVersion"), data.getInt("gold"),
        data.getInt("bonus"), data.getInt("gems")), "migrated once the older node let go, the player's update"
        + " kept: " + released);
    assertEquals(204, current.leave("Job_current_holds").status());
  }

  private static int handled(JsonObject job) {
    return job.getInt("done") + job.getInt("skipped") + job.getInt("failed");
  }

  @Test
  void aNodeWhoseUsedStepChangedDoesNotStart() {
    Map<String, String> changed = new HashMap<>(environment);
    changed.put("DATAMANAGER_TEMPLATES_DIR", templates("changed").toString());
    List<String> log = NodeProcess.startRefused("mig-changed", changed, "does not start");
    assertTrue(log.stream().anyMatch(line -> line.contains("0001") && line.contains("differ from the ones already used")),
        String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size())));
  }

  private static JsonObject joined(FaultNode node, String key) {
    Answer joined = node.join(key);
    assertEquals(200, joined.status(), key + ": " + joined);
    return joined.json();
  }

  /** Creates {@code key} through the API, then rewrites it as an older release left it: {@code data} at {@code version}. */
  private void plant(String key, String data, int version) throws SQLException {
    assertEquals(200, current.join(key).status(), key);
    assertEquals(204, current.leave(key).status(), key);
    try (Connection c = TestPostgres.shared().connect(database)) {
      try (PreparedStatement record = c.prepareStatement("UPDATE DM_RECORD SET DATA = ?, SCHEMA_VERSION = ?"
          + " WHERE STORE_NAME = 'PlayerData' AND RECORD_KEY = ?")) {
        record.setString(1, data);
        record.setInt(2, version);
        record.setString(3, key);
        assertEquals(1, record.executeUpdate());
      }
      try (PreparedStatement planted = c.prepareStatement("UPDATE DM_RECORD_VERSION SET TAG = 'planted'"
          + " WHERE STORE_NAME = 'PlayerData' AND RECORD_KEY = ?")) {
        planted.setString(1, key);
        planted.executeUpdate();
      }
    }
  }

  /** The versions written since the plant: reason and schema version, oldest first. */
  private List<String> versionsAfterThePlant(String key) throws SQLException {
    try (Connection c = TestPostgres.shared().connect(database);
        PreparedStatement s = c.prepareStatement("SELECT REASON, SCHEMA_VERSION FROM DM_RECORD_VERSION"
            + " WHERE STORE_NAME = 'PlayerData' AND RECORD_KEY = ? AND (TAG IS NULL OR TAG <> 'planted')"
            + " ORDER BY VERSION_NO")) {
      s.setString(1, key);
      List<String> versions = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          versions.add(r.getString(1) + " " + r.getInt(2));
        }
      }
      return versions;
    }
  }
}
