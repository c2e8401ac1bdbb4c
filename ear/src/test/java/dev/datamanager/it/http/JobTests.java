package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static dev.datamanager.it.http.Problems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.session.RecordView;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.it.node.Await;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job API on one node: a point-in-time restore of a store (records changed after T come back, records created
 * after T and records already at T are skipped, a held session gets the data in place), the list and its paging,
 * cancel, dry run and Idempotency-Key.
 */
abstract class JobTests extends OneNodePerClass {

  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);
  /** Records of the job that is cancelled: several seconds of work at the paced rate. */
  private static final int HELD = 500;

  JobCalls jobs;

  JobTests(NodeDatabase database) {
    super("jobs", database);
  }

  @Override
  Map<String, String> nodeEnvironment() {
    // The write budget paces jobs: a job takes only what leaves half of it (300 row writes/s, about 100 records/s).
    return Map.of("DATAMANAGER_TEMPLATES_DIR", templates().toString(),
        "DATAMANAGER_JOBS_POLL", "PT0.5S",
        "DATAMANAGER_JOBS_HEARTBEAT", "PT1S",
        "DATAMANAGER_WRITE_BUDGET", "600");
  }

  @BeforeAll
  void reachTheJobs() {
    jobs = new JobCalls(node);
  }

  /** Checks of a finished restore that need the database itself; none where the database is inside the node. */
  void checkTaggedVersions(String jobId, Set<String> changedKeys, String store) {}

  @Test
  void restoreBringsEveryRecordOfTheStoreBackToItsStateAtT() {
    String store = "Restore";
    List<String> keys = IntStream.range(0, 50).mapToObj(i -> String.format("R_%02d", i)).toList();
    for (int i = 0; i < keys.size(); i++) {
      write(store, keys.get(i), "{\"coins\":" + i + ",\"items\":[\"before-" + i + "\"]}");
    }
    Map<String, JsonObject> atT = new HashMap<>();
    Instant t = Instant.MIN;
    for (String key : keys) {
      RecordView record = node.records().get(store, key);
      atT.put(key, record.data());
      t = record.updatedAt().isAfter(t) ? record.updatedAt() : t;
    }
    pause(Duration.ofMillis(50)); // every later write is saved strictly after T, at any clock precision

    Set<String> changed = new HashSet<>(keys.subList(0, 40));
    for (int i = 0; i < 40; i++) {
      write(store, keys.get(i), "{\"coins\":" + (1000 + i) + ",\"items\":[\"after-" + i + "\"]}");
    }
    for (int i = 0; i < 5; i++) {
      write(store, "New_" + i, "{\"coins\":" + (2000 + i) + "}");
    }
    // R_00 is held during the job, with a committed change and an unsaved one after T.
    SessionView held = node.sessions().join(store, "R_00");
    node.sessions().mergePatch(store, "R_00", json("{\"coins\":5000}"));
    node.sessions().save(store, "R_00");
    node.sessions().mergePatch(store, "R_00", json("{\"coins\":6000}"));

    JsonObject started = jobs.started(store, JobCalls.restoreAt(t));
    assertEquals("restore", started.getString("kind"));
    assertEquals(store, started.getString("store"));
    assertEquals("running", started.getString("state"));
    assertEquals(55, started.getInt("total"), "every record of the store when the job starts");
    assertTrue(started.isNull("finishedAt"), started.toString());
    JsonObject done = jobs.awaitEnd(started.getString("id"), JOB_TIMEOUT);

    assertEquals("done", done.getString("state"), done.toString());
    assertEquals(40, done.getInt("done"), "records changed after T: " + done);
    assertEquals(15, done.getInt("skipped"), "10 already at T, 5 created after T: " + done);
    assertEquals(0, done.getInt("failed"), done.toString());
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, done.getJsonArray("errors"));
    assertEquals(done.getInt("total"), done.getInt("done") + done.getInt("skipped") + done.getInt("failed"));
    assertFalse(Instant.parse(done.getString("finishedAt")).isBefore(Instant.parse(done.getString("startedAt"))));
    for (String key : keys) {
      assertEquals(atT.get(key), node.records().get(store, key).data(), key + " is back at its state at T");
    }
    for (int i = 0; i < 5; i++) {
      assertEquals(2000 + i, node.records().get(store, "New_" + i).data().getInt("coins"), "no version at T: kept");
    }
    SessionView after = node.sessions().get(store, "R_00");
    assertEquals(atT.get("R_00"), after.data(), "the held session has the restored data");
    assertEquals(held.lock().generation(), after.lock().generation(), "the player was not kicked");
    assertFalse(after.dirty(), "the restore is committed");
    node.sessions().leave(store, "R_00");
    assertEquals(atT.get("R_00"), node.records().get(store, "R_00").data());
    checkTaggedVersions(started.getString("id"), changed, store);

    assertEquals("job-finished", type(assertProblem(409, jobs.cancel(started.getString("id")))));
  }

  @Test
  void aPatchJobChangesEveryMatchingRecordOnceAndSkipsWhatNoLongerMatchesLive() {
    String store = "Bulk";
    List<String> keys = IntStream.range(0, 30).mapToObj(i -> String.format("B_%02d", i)).toList();
    for (int i = 0; i < keys.size(); i++) {
      write(store, keys.get(i), "{\"coins\":" + (100 + i) + ",\"level\":" + (i % 3 == 0 ? 1 : 2) + "}");
    }
    // B_00 matches in the database but its player has just left level 1, unsaved; B_03 is held and still matches.
    node.sessions().join(store, "B_00");
    node.sessions().mergePatch(store, "B_00", json("{\"level\":2}"));
    SessionView held = node.sessions().join(store, "B_03");

    String body = "{\"kind\":\"patch\",\"patch\":[{\"op\":\"replace\",\"path\":\"/coins\",\"value\":0},"
        + "{\"op\":\"add\",\"path\":\"/items/-\",\"value\":\"refund\"}],"
        + "\"where\":{\"pointer\":\"/level\",\"equals\":1.0}}";
    JsonObject started = jobs.started(store, body);
    assertEquals("patch", started.getString("kind"));
    JsonObject done = jobs.awaitEnd(started.getString("id"), JOB_TIMEOUT);
    assertEquals("done", done.getString("state"), done.toString());
    assertEquals(9, done.getInt("done"), "level-1 records but B_00: " + done);
    assertEquals(21, done.getInt("skipped"), "20 at level 2, and B_00 whose live data left level 1: " + done);
    assertEquals(0, done.getInt("failed"), done.toString());

    SessionView b00 = node.sessions().get(store, "B_00");
    assertEquals(100, b00.data().getInt("coins"), "the player's own update survived and the patch did not apply");
    assertEquals(2, b00.data().getInt("level"));
    SessionView b03 = node.sessions().get(store, "B_03");
    assertEquals(0, b03.data().getInt("coins"), "the held session got the change in place");
    assertEquals(List.of("refund"), b03.data().getJsonArray("items").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString).toList());
    assertEquals(held.lock().generation(), b03.lock().generation(), "the player was not kicked");
    node.sessions().leave(store, "B_00");
    node.sessions().leave(store, "B_03");
    for (int i = 0; i < keys.size(); i++) {
      JsonObject data = node.records().get(store, keys.get(i)).data();
      boolean patched = i % 3 == 0 && i != 0;
      assertEquals(patched ? 0 : 100 + i, data.getInt("coins"), keys.get(i) + ": " + data);
      assertEquals(patched ? 1 : 0, data.getJsonArray("items").size(), keys.get(i) + " patched once: " + data);
    }
  }

  @Test
  void aRunningJobIsCancelledBetweenTwoRecordsAndStaysStopped() throws Exception {
    String store = "Cancel";
    // Held records: each goes through its owner, and the write budget paces the job (about 75 records/s here).
    node.joinMany(store, "C", HELD);
    pause(Duration.ofMillis(50));
    JsonObject started = jobs.started(store, JobCalls.restoreAt(Instant.now()));
    String id = started.getString("id");
    assertEquals(HELD, started.getInt("total"));
    Await.until(Duration.ofSeconds(60), "job " + id + " changed a first record", () -> handled(jobs.job(id)) > 0);

    HttpResponse<String> cancel = jobs.cancel(id);
    assertEquals(202, cancel.statusCode(), cancel.body());
    assertEquals(id, json(cancel.body()).getString("id"));
    JsonObject cancelled = jobs.awaitEnd(id, JOB_TIMEOUT);
    assertEquals("cancelled", cancelled.getString("state"), cancelled.toString());
    assertNotNull(cancelled.getString("finishedAt"));
    assertTrue(handled(cancelled) < HELD, "stopped part-way: " + cancelled);
    pause(Duration.ofSeconds(2));
    assertEquals(handled(cancelled), handled(jobs.job(id)), "nothing handled after it stopped");
    assertEquals("job-finished", type(assertProblem(409, jobs.cancel(id))));
  }

  @Test
  void theListIsNewestFirstAndPagesWithLimitAndCursor() {
    String store = "Paging";
    write(store, "P_0", "{\"coins\":1}");
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ours.add(0, jobs.started(store, JobCalls.restoreAt(Instant.now())).getString("id")); // newest first
    }
    List<JsonObject> walked = new ArrayList<>();
    String query = "?limit=2";
    while (true) {
      JsonObject page = jobs.page(query);
      assertTrue(page.getJsonArray("jobs").size() <= 2, page.toString());
      page.getJsonArray("jobs").getValuesAs(JsonObject.class).forEach(walked::add);
      if (page.isNull("next")) {
        break;
      }
      query = "?limit=2&cursor=" + page.getString("next");
    }
    List<String> ids = walked.stream().map(job -> job.getString("id")).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size(), "every job once: " + ids);
    assertEquals(ours, ids.stream().filter(ours::contains).toList(), "newest first");
    for (int i = 1; i < walked.size(); i++) {
      assertFalse(Instant.parse(walked.get(i).getString("startedAt"))
          .isAfter(Instant.parse(walked.get(i - 1).getString("startedAt"))), "newest first: " + ids);
    }
    JsonObject firstPage = jobs.page("");
    assertTrue(firstPage.getJsonArray("jobs").size() <= 50);
    assertEquals(ids.subList(0, Math.min(50, ids.size())), firstPage.getJsonArray("jobs")
        .getValuesAs(JsonObject.class).stream().map(job -> job.getString("id")).toList(), "limit 50 by default");

    JsonObject one = jobs.job(ours.get(0));
    assertEquals(store, one.getString("store"));
    assertEquals(ours.get(0), one.getString("id"));
    assertEquals(200, jobs.list("?limit=1", node.support).statusCode(), "support reads the list");
    assertEquals(200, jobs.get(ours.get(0), node.support).statusCode(), "support reads a job");
    assertEquals("job-not-found", type(assertProblem(404, jobs.get(UUID.randomUUID().toString(), node.admin))));
    assertEquals("job-not-found", type(assertProblem(404, jobs.cancel(UUID.randomUUID().toString()))));
  }

  private List<String> jobIds() {
    return jobs.page("?limit=500").getJsonArray("jobs").stream()
        .map(job -> job.asJsonObject().getString("id")).toList();
  }

  @Test
  void aDryRunListsTheRecordsTheJobWouldChangeAndStoresNoJob() {
    String store = "DryRun";
    for (int i = 0; i < 3; i++) {
      write(store, "D_" + i, "{\"coins\":" + i + "}");
    }
    Instant t = node.records().get(store, "D_2").updatedAt();
    pause(Duration.ofMillis(50));
    write(store, "D_1", "{\"coins\":101}");
    write(store, "D_2", "{\"coins\":102}");
    write(store, "D_3", "{\"coins\":103}");
    List<String> before = jobIds();

    String body = "{\"kind\":\"restore\",\"at\":\"" + t + "\",\"dryRun\":true}";
    HttpResponse<String> answer = jobs.start(store, body);
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(json("{\"matches\":[{\"key\":\"D_1\"},{\"key\":\"D_2\"}]}"), json(answer.body()));
    // Ids, not bodies: a job another test started may still be running and change its counters meanwhile.
    assertEquals(before, jobIds(), "no job stored");
    assertEquals(101, node.records().get(store, "D_1").data().getInt("coins"), "nothing changed");
  }

  @Test
  void anIdempotencyKeyRepeatAnswersTheFirstJobAndADifferentBodyIs422() {
    String store = "Idem";
    write(store, "I_0", "{\"coins\":1}");
    Instant at = Instant.parse("2026-01-01T12:00:00Z");
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = jobs.start(store, JobCalls.restoreAt(at), key);
    assertEquals(202, first.statusCode(), first.body());
    String id = json(first.body()).getString("id");

    HttpResponse<String> repeat = jobs.start(store, JobCalls.restoreAt(at), key);
    assertEquals(202, repeat.statusCode(), repeat.body());
    assertEquals(id, json(repeat.body()).getString("id"), "the first job, nothing new");
    HttpResponse<String> sameInstant = jobs.start(store, "{\"kind\":\"restore\",\"at\":\"2026-01-01T13:00:00+01:00\"}",
        key);
    assertEquals(id, json(sameInstant.body()).getString("id"), "the same instant at another offset is the same body");
    assertEquals(1, jobsOf(store).size(), "one job for the key: " + jobsOf(store));

    HttpResponse<String> other = jobs.start(store, JobCalls.restoreAt(at.plusSeconds(1)), key);
    assertEquals("idempotency-key-reused", type(assertProblem(422, other)));
    assertEquals(1, jobsOf(store).size(), "nothing started by the refused repeat");

    HttpResponse<String> newKey = jobs.start(store, JobCalls.restoreAt(at), UUID.randomUUID().toString());
    assertEquals(202, newKey.statusCode(), newKey.body());
    assertNotEquals(id, json(newKey.body()).getString("id"));
    assertEquals(2, jobsOf(store).size());
  }

  @Test
  void jobsAreInTheOpenApiDocumentAndTheirProgressInTheMetrics() {
    write("Paging", "M_0", "{\"coins\":1}");
    JsonObject job = jobs.started("Paging", JobCalls.restoreAt(Instant.now()));
    assertEquals("done", jobs.awaitEnd(job.getString("id"), JOB_TIMEOUT).getString("state"));
    String openApi = node.send(node.request("/openapi").GET().build()).body();
    assertTrue(openApi.contains("/api/v1/jobs/{id}") && openApi.contains("/api/v1/stores/{store}/jobs"), openApi);
    String metrics = node.send(node.request("/metrics").GET().build()).body();
    for (String name : List.of("datamanager_jobs_total{", "datamanager_jobs_running", "datamanager_job_records_total{")) {
      assertTrue(metrics.contains(name), name + " in /metrics");
    }
    assertTrue(metrics.lines().anyMatch(line -> line.startsWith("datamanager_jobs_total{")
        && line.contains("state=\"done\"")), "jobs by state");
  }

  /** Creates or changes a record through a session: join, merge {@code patch}, leave. */
  void write(String store, String key, String patch) {
    node.sessions().join(store, key);
    node.sessions().mergePatch(store, key, json(patch));
    node.sessions().leave(store, key);
  }

  private List<JsonObject> jobsOf(String store) {
    return jobs.page("?limit=500").getJsonArray("jobs").getValuesAs(JsonObject.class).stream()
        .filter(job -> job.getString("store").equals(store)).toList();
  }

  private static int handled(JsonObject job) {
    return job.getInt("done") + job.getInt("skipped") + job.getInt("failed");
  }

  static String type(JsonObject problem) {
    return problem.getString("type").substring("urn:datamanager:problem:".length());
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path templates() {
    try {
      return Path.of(JobTests.class.getResource("/job-templates").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
