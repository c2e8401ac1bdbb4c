package dev.datamanager.bench;

import dev.datamanager.api.record.SaveReason;
import dev.datamanager.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 8: records per second a bulk patch job changes on the node ({@code POST /api/v1/stores/{store}/jobs}, one
 * lock-safe write per record), beside the rows per second of DataManager's own autosave path (commitBatch) over as
 * many rows of the same size. Report only: a job is a background task throttled to the spare write budget.
 */
final class BulkJobBench {

  /** Keys no other benchmark uses (they use P_, W_, Small_ and Large_). */
  private static final String KEY_FORMAT = "J_%07d";
  /**
   * The member the job renames. Not {@code coins}: PlayerData's template has {@code coins}, and a patch may not remove
   * a template member (TemplateTypeGuard: every record fails, 422 "part of the store's template"); a rename of a
   * member the template does not have is the same operation at the same cost.
   */
  static final String MOVED = "legacyCoins";
  private static final String PATCH = "{\"kind\":\"patch\",\"patch\":[{\"op\":\"move\",\"from\":\"/" + MOVED
      + "\",\"path\":\"/gold\"}]}";
  private static final String OWNER = "autosaver";
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(30);
  private static final int SAMPLE = 20;
  /** The tables that hold a record's rows; a seeded record is cloned in all of them, every column copied. */
  private static final List<String> RECORD_TABLES = List.of("dm_record", "dm_record_version", "dm_record_user");

  private BulkJobBench() {}

  static Result run(BenchNode node, BenchDatabase db, BenchMode mode) throws Exception {
    int records = mode.jobRecords();
    String data = document(1);
    double seedSeconds = seed(node, records, data);
    long storedBytes = count(node, "SELECT max(octet_length(data)) FROM dm_record WHERE store_name = ?");

    // The baseline's rows, written once untimed (JIT, the provider's login), then timed before and after the job.
    db.clear();
    db.seed(records, OWNER, data);
    RowBatches.repository(records, OWNER, document(2), SaveReason.AUTOSAVE,
        db.repository()::commitBatch);
    double autosaveBefore = RowBatches.repository(records, OWNER, document(3), SaveReason.AUTOSAVE,
        db.repository()::commitBatch);

    long inStore = count(node, "SELECT count(*) FROM dm_record WHERE store_name = ?");
    Job job = runJob(node);
    if (!"done".equals(job.state) || job.total != inStore || job.done + job.skipped != job.total || job.failed != 0
        || job.done < records) {
      throw new IllegalStateException(String.format(Locale.ROOT, "The job did not change every record: %,d records"
          + " in the store (%,d seeded), job %s", inStore, records, summary(job.json)));
    }
    verify(node, records);

    double autosaveAfter = RowBatches.repository(records, OWNER, document(4), SaveReason.AUTOSAVE,
        db.repository()::commitBatch);
    long versionRows = db.versionRows();
    if (versionRows != 3L * records) {
      throw new IllegalStateException(String.format(Locale.ROOT, "Expected %,d version rows of the autosave baseline"
          + " (one per row written), found %,d", 3L * records, versionRows));
    }
    double autosaveSeconds = autosaveBefore + autosaveAfter;
    double autosaveRate = 2.0 * records / autosaveSeconds;
    double jobRate = job.done / job.seconds;
    return new Result("8. Bulk patch job vs autosave (records/s)", jobRate, autosaveRate, "records/s",
        Target.report(), String.format(Locale.ROOT, "%,d records of %,d B (seeded in %.1f s: one record joined,"
            + " patched and left over HTTP, then cloned in SQL with its versions); job {\"kind\":\"patch\", move"
            + " /%s to /gold} as admin (not /coins: a template member, which no patch may remove): %.2f s from the"
            + " POST to the poll (every %d ms) that saw it end (%.2f s by the job's own"
            + " startedAt..finishedAt), total %,d, done %,d, skipped %,d, failed %,d, %d records read back with gold and no %s, all %,d checked in SQL. Autosave: commitBatch of"
            + " %,d rows in batches of %d, one thread, after an untimed pass: %.2f s before the job and %.2f s"
            + " after (%,.0f rows/s together). Node write budget %s writes/s (a job takes only what leaves half of"
            + " it, so it is not throttled here); a job writes 3 rows per record (record, version, job item), an"
            + " autosave 2 (record, version).",
            records, storedBytes, seedSeconds, MOVED, job.seconds, POLL.toMillis(), job.ownSeconds, job.total,
            job.done, job.skipped, job.failed, Math.min(SAMPLE, records), MOVED, records, records, RowBatches.SIZE,
            autosaveBefore, autosaveAfter, autosaveRate, BenchNode.WRITE_BUDGET));
  }

  /** A player document of about 1 KB (Documents.ofSize) with the member the job renames, first. */
  private static String document(long seed) {
    return "{\"" + MOVED + "\":" + seed + "," + Documents.ofSize(1024, seed).substring(1);
  }

  static String key(long i) {
    return String.format(Locale.ROOT, KEY_FORMAT, i);
  }

  /**
   * Seeds {@code records} free records holding {@code data}: the first through the node (join, merge patch, leave),
   * so it has every column and version row the node writes; the others cloned from it in SQL, all columns copied but
   * the key. Answers the seconds it took.
   */
  private static double seed(BenchNode node, int records, String data) throws Exception {
    long start = System.nanoTime();
    String first = key(0);
    require(node.send(node.join(first)), "join " + first);
    require(node.send(node.patch(first, data)), "merge patch " + first);
    require(node.send(node.leave(first)), "leave " + first);
    try (Connection c = TestPostgres.shared().connect(node.databaseName())) {
      c.setAutoCommit(false);
      for (String table : RECORD_TABLES) {
        List<String> columns = columns(c, table);
        String select = String.join(", ", columns.stream()
            .map(column -> column.equals("record_key") ? "'J_' || lpad(g::text, 7, '0')" : column).toList());
        try (PreparedStatement clone = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
            + ") SELECT " + select + " FROM " + table + ", generate_series(1, ? - 1) g"
            + " WHERE store_name = ? AND record_key = ?")) {
          clone.setInt(1, records);
          clone.setString(2, BenchDatabase.STORE);
          clone.setString(3, first);
          clone.executeUpdate();
        }
      }
      c.commit();
      try (var analyze = c.createStatement()) {
        c.setAutoCommit(true);
        analyze.execute("ANALYZE " + String.join(", ", RECORD_TABLES)); // the planner sees the seeded tables, as it would a store grown over time
      }
    }
    long seeded = count(node, "SELECT count(*) FROM dm_record WHERE store_name = ? AND record_key LIKE 'J\\_%'");
    if (seeded != records) {
      throw new IllegalStateException("Seeded " + seeded + " records, not " + records);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      query.setString(1, table);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    if (!columns.contains("record_key") || !columns.contains("store_name")) {
      throw new IllegalStateException("Table " + table + " has no store_name and record_key: " + columns);
    }
    return columns;
  }

  private record Job(String state, long total, long done, long skipped, long failed, double seconds,
      double ownSeconds, JsonObject json) {}

  /** Starts the job and polls it until it ends; the seconds run from the POST to the poll that saw it end. */
  private static Job runJob(BenchNode node) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> started = node.startJob(PATCH);
    if (started.statusCode() != 202) {
      throw new IllegalStateException("The job start answered " + started.statusCode() + ": " + started.body());
    }
    String id = parse(started.body()).getString("id");
    long deadline = start + JOB_TIMEOUT.toNanos();
    while (true) {
      HttpResponse<String> polled = node.job(id);
      long now = System.nanoTime();
      if (polled.statusCode() != 200) {
        throw new IllegalStateException("GET of job " + id + " answered " + polled.statusCode() + ": " + polled.body());
      }
      JsonObject job = parse(polled.body());
      String state = job.getString("state");
      if (!"running".equals(state)) {
        double own = job.isNull("finishedAt") ? Double.NaN : Duration.between(
            Instant.parse(job.getString("startedAt")), Instant.parse(job.getString("finishedAt"))).toNanos() / 1e9;
        return new Job(state, job.getJsonNumber("total").longValue(), job.getJsonNumber("done").longValue(),
            job.getJsonNumber("skipped").longValue(), job.getJsonNumber("failed").longValue(), (now - start) / 1e9,
            own, job);
      }
      if (now > deadline) {
        throw new IllegalStateException("Job " + id + " still running after " + JOB_TIMEOUT + ": " + summary(job));
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Every seeded record changed: a sample read back over HTTP, all of them checked in SQL. */
  private static void verify(BenchNode node, int records) throws Exception {
    // (gold and no legacyCoins; coins, a template member, stays)
    int sample = Math.min(SAMPLE, records);
    for (int s = 0; s < sample; s++) {
      String key = key(sample == 1 ? 0 : (long) s * (records - 1) / (sample - 1)); // the first, the last, between
      HttpResponse<String> read = node.record(key);
      if (read.statusCode() != 200) {
        throw new IllegalStateException("GET of record " + key + " answered " + read.statusCode() + ": " + read.body());
      }
      JsonObject data = parse(read.body()).getJsonObject("data");
      if (data == null || !data.containsKey("gold") || data.containsKey(MOVED) || !data.containsKey("coins")) {
        throw new IllegalStateException("Record " + key + " was not patched: " + read.body());
      }
    }
    long patched = count(node, "SELECT count(*) FROM dm_record WHERE store_name = ? AND record_key LIKE 'J\\_%'"
        + " AND (data::jsonb -> 'gold') IS NOT NULL AND (data::jsonb -> '" + MOVED + "') IS NULL");
    if (patched != records) {
      throw new IllegalStateException("Only " + patched + " of " + records + " seeded records have gold and no coins");
    }
  }

  /** A count in the node's database; the one parameter is the store. */
  private static long count(BenchNode node, String sql) throws SQLException {
    try (Connection c = TestPostgres.shared().connect(node.databaseName());
        PreparedStatement query = c.prepareStatement(sql)) {
      query.setString(1, BenchDatabase.STORE);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A job without its list of errors but the first, for a failure message. */
  private static String summary(JsonObject job) {
    var errors = job.getJsonArray("errors");
    return Json.createObjectBuilder(job).remove("errors").add("firstError", errors == null || errors.isEmpty()
        ? Json.createValue("none") : errors.get(0)).build().toString();
  }

  private static void require(HttpResponse<String> answer, String what) {
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
    }
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
