package dev.datamanager.bench;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.core.template.TemplateReconciler;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Locale;

/** Benchmark 4: joins (acquire + reconcile) vs raw JDBC transactions doing SELECT … FOR UPDATE + UPDATE. */
final class JoinBench {

  static final String NODE = "joiner";
  /** Records per turn of each side. */
  static final int CHUNK = 100;
  private static final TemplateReconciler RECONCILER = new TemplateReconciler();
  private static final JsonObject TEMPLATE = Documents.template();
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
    // In turns of CHUNK records, the baseline first: it leaves each row held by NODE, so both sides take a lock the
    // node may take.
    double[] seconds = Workers.alternating(BenchMode.DB_THREADS, joins, CHUNK,
        i -> lockAndTake(db, BenchDatabase.key((int) i)), i -> join(db, BenchDatabase.key((int) i)));
    double jdbc = seconds[0];
    double dataManager = seconds[1];
    return new Result("4. Join: acquire + reconcile vs JDBC FOR UPDATE + UPDATE", joins / dataManager,
        joins / jdbc, "joins/s", Target.ratioAtLeast(0.5), String.format(Locale.ROOT, "%,d records of 1 KB, %d"
            + " threads, one transaction per join on both sides, taking turns every %d records; DataManager"
            + " %.2f s, JDBC %.2f s. The records exist, so a join keeps no version (only a creation does, see 4b):"
            + " %,d version rows after the run.",
            joins, BenchMode.DB_THREADS, CHUNK, dataManager, jdbc, db.versionRows()), BeforeVersions.join(mode));
  }

  /**
   * One join as a node does it ({@code SessionJoin}): load and lock the record (creating it from the template if
   * missing), parse it as the node parses stored documents, reconcile.
   */
  static Acquired join(BenchDatabase db, String key) {
    AcquireOutcome outcome = db.repository().acquire(new RecordKey(BenchDatabase.STORE, key), NODE, NODE,
        Duration.ofMinutes(2), Duration.ofMinutes(5), true, Documents.TEMPLATE);
    if (!(outcome instanceof Acquired acquired)) {
      throw new IllegalStateException("Join refused: " + outcome);
    }
    RECONCILER.reconcile(JsonDocuments.parse(acquired.data()), TEMPLATE);
    return acquired;
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
