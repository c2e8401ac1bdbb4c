package dev.datamanager.it.fleet;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What PostgreSQL counted: rows inserted, updated and deleted per table and transactions committed. */
final class DatabaseStats {

  /** Counters at one moment, by table ({@code "(commits)"} for the database's committed transactions). */
  record Snapshot(long nanos, Map<String, long[]> tables) {

    /** Rows written per second per table between {@code earlier} and this snapshot: inserts, updates, deletes. */
    Map<String, double[]> ratesSince(Snapshot earlier) {
      double seconds = (nanos - earlier.nanos) / 1e9;
      Map<String, double[]> rates = new TreeMap<>();
      tables.forEach((table, now) -> {
        long[] before = earlier.tables.getOrDefault(table, new long[now.length]);
        double[] rate = new double[now.length];
        for (int i = 0; i < now.length; i++) {
          rate[i] = (now[i] - before[i]) / seconds;
        }
        rates.put(table, rate);
      });
      return rates;
    }
  }

  private DatabaseStats() {}

  static Snapshot snapshot(Connection connection) throws SQLException {
    Map<String, long[]> tables = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      // The counters of other backends reach the statistics at their transaction ends; this one's own, now.
      statement.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rows = statement.executeQuery(
          "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables")) {
        while (rows.next()) {
          tables.put(rows.getString(1).toUpperCase(), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
        }
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
        rows.next();
        tables.put("(commits)", new long[] {rows.getLong(1), 0, 0});
      }
    }
    return new Snapshot(System.nanoTime(), tables);
  }

  /**
   * How long each update waited to be saved by an autosave: the time from the first acknowledged update after the
   * record's previous version to the autosave version that holds it, in milliseconds; and versions by reason.
   */
  static AutosaveLag autosaveLag(Connection connection, String store, Ledger ledger) throws SQLException {
    List<Long> lags = new ArrayList<>();
    Map<String, Long> reasons = new TreeMap<>();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(5_000);
      connection.setAutoCommit(false); // the fetch size streams only inside a transaction
      try (ResultSet rows = statement.executeQuery("SELECT RECORD_KEY, REASON, SAVED_AT, DATA FROM DM_RECORD_VERSION"
          + " WHERE STORE_NAME = '" + store + "' ORDER BY RECORD_KEY, VERSION_NO")) {
        String key = null;
        long savedSeq = -1;
        while (rows.next()) {
          if (!rows.getString(1).equals(key)) {
            key = rows.getString(1);
            savedSeq = -1;
          }
          String reason = rows.getString(2);
          reasons.merge(reason, 1L, Long::sum);
          JsonObject data = StoredState.parse(rows.getString(4));
          long seq = data.containsKey("seq") ? data.getJsonNumber("seq").longValue() : -1;
          Ledger.Updates updates = ledger.updates().get(key);
          if ("autosave".equals(reason) && updates != null && seq > savedSeq) {
            long first = updates.firstAcknowledgedAfter(Math.max(0, savedSeq), seq);
            if (first != 0) {
              lags.add(rows.getTimestamp(3).getTime() - first);
            }
          }
          savedSeq = Math.max(savedSeq, seq);
        }
      } finally {
        connection.commit();
        connection.setAutoCommit(true);
      }
    }
    return new AutosaveLag(lags.stream().mapToLong(Long::longValue).sorted().toArray(), reasons);
  }

  /** Autosave lags in milliseconds, sorted, and the versions written by reason. */
  record AutosaveLag(long[] sortedMillis, Map<String, Long> versionsByReason) {

    double percentile(double p) {
      if (sortedMillis.length == 0) {
        return 0;
      }
      int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
      return sortedMillis[Math.max(0, rank - 1)];
    }
  }
}
