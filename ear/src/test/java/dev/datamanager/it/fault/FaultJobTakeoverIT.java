package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A point-in-time restore of a 1 000-record store on two nodes, whose runner is killed with SIGKILL part-way: the
 * other node resumes it, every record ends at its state at T, and none is changed twice, even those the dead runner
 * changed without marking them done (and whose players played on since). A record held by the live node is changed
 * in its session; the player stays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultJobTakeoverIT {

  private static final int RECORDS = 1000;
  private static final int CHANGED_AFTER_T = 900;
  private static final int CREATED_AFTER_T = 50;
  /**
   * Leases that survive a loaded machine (a short lock.recent refuses updates after a slow join), yet go stale soon
   * enough for the job to take the dead node's held record within the test.
   */
  private static final LeaseSettings LEASE = new LeaseSettings(Duration.ofSeconds(8), Duration.ofSeconds(12),
      Duration.ofSeconds(2));
  /** Items the dead runner is made to have left pending although it changed their records: the crash window. */
  private static final int REOPENED = 20;

  private Cluster cluster;
  private String database;

  @BeforeAll
  void startNodes() {
    Map<String, String> environment = new HashMap<>(TestPostgres.shared().freshNodeEnvironment("fault_jobs"));
    database = environment.get("DB_NAME");
    environment.putAll(LEASE.environment());
    // A two-member template, so the test knows each record's data at T without reading it back.
    environment.put("DATAMANAGER_TEMPLATES_DIR", templates().toString());
    environment.put("DATAMANAGER_JOBS_POLL", "PT0.5S");
    environment.put("DATAMANAGER_JOBS_HEARTBEAT", "PT1S");
    environment.put("DATAMANAGER_JOBS_TAKEOVER", "PT5S");
    // Paces the job (about 150 records/s) so that the kill lands part-way.
    environment.put("DATAMANAGER_WRITE_BUDGET", "1000");
    cluster = Cluster.start(environment, "jobs-a", "jobs-b");
  }

  @AfterAll
  void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aRestoreWhoseRunnerIsKilledIsResumedByTheOtherNodeAndChangesEveryRecordOnce() throws SQLException {
    FaultNode a = cluster.node("jobs-a");
    FaultNode b = cluster.node("jobs-b");
    FaultNode[] nodes = {a, b};
    long began = System.nanoTime();
    Map<String, JsonObject> atT = new HashMap<>();
    for (int i = 0; i < RECORDS; i++) {
      atT.put(key(i), json("{\"coins\":" + i + ",\"items\":[\"t0-" + i + "\"]}"));
    }
    Parallel.run(RECORDS, i -> write(nodes[i % 2], key(i), atT.get(key(i)).toString()));
    // The nodes' database runs on this machine's clock: T lies strictly between the writes before and after it.
    FrozenOwner.sleep(Duration.ofMillis(100));
    Instant t = Instant.now();
    FrozenOwner.sleep(Duration.ofMillis(100));

    Parallel.run(CHANGED_AFTER_T, i -> ok(nodes[i % 2].edit(key(i), "{\"coins\":" + (100_000 + i) + "}")));
    Parallel.run(CREATED_AFTER_T, i -> write(nodes[i % 2], "New_" + i, "{\"coins\":" + (200_000 + i) + "}"));
    // Rec_0000 is held on a, Rec_0001 on b, each with a change after T saved and one not saved yet.
    Map<String, Long> generations = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      generations.put(key(i), ok(nodes[i].join(key(i))).generation());
      ok(nodes[i].mergePatch(key(i), "{\"coins\":-1}"));
      ok(nodes[i].save(key(i)));
      ok(nodes[i].mergePatch(key(i), "{\"coins\":-2}"));
    }
    double setupSeconds = (System.nanoTime() - began) / 1e9;

    Answer started = a.startJob(Json.createObjectBuilder().add("kind", "restore").add("at", t.toString())
        .build().toString());
    assertEquals(202, started.status(), started::toString);
    String id = started.json().getString("id");
    assertEquals(RECORDS + CREATED_AFTER_T, started.json().getInt("total"));
    Await.until(Duration.ofSeconds(60), "job " + id + " a quarter through", () -> handled(ok(a.job(id)).json()) >= 250);
    FaultNode runner = cluster.node(runnerOf(id));
    FaultNode survivor = runner == a ? b : a;
    Fault.kill(runner);
    int handledAtKill = handled(ok(survivor.job(id)).json());
    assertTrue(handledAtKill < RECORDS, "killed part-way: " + handledAtKill);
    // Players go on playing after their record was restored; the job must keep that, not restore it again.
    List<String> reopened = reopenChangedItems(id, runner.id());
    Map<String, JsonObject> expected = new HashMap<>(atT);
    for (String key : reopened) {
      expected.put(key, ok(survivor.edit(key, "{\"coins\":300000}")).data());
    }

    AtomicReference<JsonObject> last = new AtomicReference<>();
    Await.until(Duration.ofSeconds(90), "the job ends on " + survivor.id() + " (last " + last + ")", () -> {
      last.set(ok(survivor.job(id)).json());
      return !last.get().getString("state").equals("running");
    });
    JsonObject ended = last.get();
    Map<String, Integer> tagged;
    Map<String, JsonObject> stored;
    try (Connection c = connect()) {
      tagged = JobRecords.taggedVersions(c, id);
      stored = JobRecords.storedData(c);
    }
    tagged.forEach((key, count) -> assertEquals(1, count, key + " was changed " + count + " times by the job"));
    assertEquals(CHANGED_AFTER_T, tagged.size(), "one tagged version per changed record");
    for (int i = 0; i < RECORDS; i++) {
      assertEquals(expected.get(key(i)), stored.get(key(i)), key(i) + " is at its state at T, or played on since");
    }
    for (int i = 0; i < CREATED_AFTER_T; i++) {
      assertEquals(200_000 + i, stored.get("New_" + i).getInt("coins"), "created after T: left alone");
    }
    assertEquals("done", ended.getString("state"), ended.toString());
    assertEquals(CHANGED_AFTER_T, ended.getInt("done"), ended.toString());
    assertEquals(RECORDS - CHANGED_AFTER_T + CREATED_AFTER_T, ended.getInt("skipped"), ended.toString());
    assertEquals(0, ended.getInt("failed"), ended.toString());
    assertEquals(survivor.id(), runnerOf(id), "finished by the node that took it over");

    String heldHere = survivor == a ? key(0) : key(1);
    Answer session = ok(survivor.session(heldHere));
    assertEquals(atT.get(heldHere), session.data(), "the live node's session shows the restored data");
    assertEquals(generations.get(heldHere), session.generation(), "the player was not kicked");
    ok(survivor.mergePatch(heldHere, "{\"coins\":7}"));
    System.out.printf("Job takeover: setup %.1f s; %s killed at %d of %d handled, %s finished in %.1f s%n",
        setupSeconds, runner.id(), handledAtKill, RECORDS + CREATED_AFTER_T, survivor.id(),
        (System.nanoTime() - began) / 1e9 - setupSeconds);
  }

  private static Path templates() {
    try {
      return Path.of(FaultJobTakeoverIT.class.getResource("/job-templates").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String key(int i) {
    return String.format("Rec_%04d", i);
  }

  private static void write(FaultNode node, String key, String patch) {
    ok(node.join(key));
    ok(node.mergePatch(key, patch));
    assertEquals(204, node.leave(key).status());
  }

  private static Answer ok(Answer answer) {
    assertEquals(200, answer.status(), answer::toString);
    return answer;
  }

  private static int handled(JsonObject job) {
    return job.getInt("done") + job.getInt("skipped") + job.getInt("failed");
  }

  private Connection connect() throws SQLException {
    return TestPostgres.shared().connect(database);
  }

  private String runnerOf(String id) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("SELECT runner FROM dm_job WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet row = s.executeQuery()) {
        assertTrue(row.next(), "job " + id + " in the database");
        return row.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> reopenChangedItems(String id, String deadRunner) throws SQLException {
    try (Connection c = connect()) {
      return JobCrashWindow.reopen(c, id, deadRunner, "Rec_0001", REOPENED);
    }
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
