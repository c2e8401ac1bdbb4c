package dev.datamanager.bench;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.template.TemplateReconciler;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;

/** Benchmark 4: joins (acquire + reconcile) vs raw JDBC transactions doing SELECT … FOR UPDATE + UPDATE. */
final class JoinBench {

  private static final String NODE = "joiner";
  private static final String SELECT = "SELECT data, owner_id, generation, lease_renewed_at FROM dm_record"
      + " WHERE store_name = ? AND record_key = ? FOR UPDATE";
  private static final String TAKE = "UPDATE dm_record SET owner_id = ?, owner_incarnation = ?,"
      + " lease_renewed_at = statement_timestamp(),"
      + " generation = generation + 1 WHERE store_name = ? AND record_key = ?";

  private JoinBench() {}

  static Result run(BenchDatabase db, BenchMode mode) throws Exception {
    int joins = mode.joins();
    db.clear();
    db.seed(joins, null, Documents.ofSize(1024, 3));
    // The baseline goes first and leaves every row held by NODE, so both sides take a lock the node may take.
    double jdbc = Workers.timed(BenchMode.DB_THREADS, joins, i -> lockAndTake(db, BenchDatabase.key((int) i)));
    TemplateReconciler reconciler = new TemplateReconciler();
    JsonObject template = Documents.template();
    double dataManager = Workers.timed(BenchMode.DB_THREADS, joins, i -> {
      RecordKey key = new RecordKey(BenchDatabase.STORE, BenchDatabase.key((int) i));
      AcquireOutcome outcome = db.repository().acquire(key, NODE, NODE, Duration.ofMinutes(2),
          Duration.ofMinutes(5), true, Documents.TEMPLATE);
      if (!(outcome instanceof Acquired acquired)) {
        throw new IllegalStateException("Join refused: " + outcome);
      }
      reconciler.reconcile(Documents.parse(acquired.data()), template);
    });
    return new Result("4. Join: acquire + reconcile vs JDBC FOR UPDATE + UPDATE", joins / dataManager,
        joins / jdbc, "joins/s", Target.ratioAtLeast(0.5), String.format(Locale.ROOT, "%,d records of 1 KB, %d"
            + " threads, one transaction per join on both sides; DataManager %.2f s, JDBC %.2f s.", joins,
            BenchMode.DB_THREADS, dataManager, jdbc));
  }

  private static void lockAndTake(BenchDatabase db, String key) throws Exception {
    try (Connection c = db.pooled();
        PreparedStatement select = c.prepareStatement(SELECT);
        PreparedStatement take = c.prepareStatement(TAKE)) {
      c.setAutoCommit(false);
      select.setString(1, BenchDatabase.STORE);
      select.setString(2, key);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("No row " + key);
        }
        row.getString(1);
      }
      // The same process (server id and incarnation) as the DataManager side, which then takes the lock over.
      take.setString(1, NODE);
      take.setString(2, NODE);
      take.setString(3, BenchDatabase.STORE);
      take.setString(4, key);
      take.executeUpdate();
      c.commit();
    }
  }
}
