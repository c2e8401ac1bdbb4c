package dev.datamanager.bench;

import dev.datamanager.api.record.SaveReason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * Benchmark 4b: first joins, which create the record from the template and keep it as version 0, vs raw JDBC
 * transactions that find no row with SELECT … FOR UPDATE and insert the record and its version row.
 */
final class FirstJoinBench {

  private static final String SELECT = "SELECT data FROM dm_record WHERE store_name = ? AND record_key = ?"
      + " FOR UPDATE";
  private static final String CREATE = "INSERT INTO dm_record (store_name, record_key, data, record_version,"
      + " owner_id, owner_incarnation, lease_renewed_at, generation, created_at, updated_at)"
      + " VALUES (?, ?, ?, 0, ?, ?, statement_timestamp(), 1, statement_timestamp(), statement_timestamp())";
  private static final VersionRows CREATED = new VersionRows(JoinBench.NODE, SaveReason.CREATE);

  private FirstJoinBench() {}

  static Result run(BenchDatabase db, BenchMode mode) throws Exception {
    int joins = mode.joins();
    db.clear();
    // Keys 0 … joins-1 for the baseline, the next as many for DataManager: each side creates records of its own.
    double[] seconds = Workers.alternating(BenchMode.DB_THREADS, joins, JoinBench.CHUNK,
        i -> create(db, BenchDatabase.key((int) i)), i -> {
          if (!JoinBench.join(db, BenchDatabase.key((int) (joins + i))).created()) {
            throw new IllegalStateException("A first join found its record already there");
          }
        });
    double jdbc = seconds[0];
    double dataManager = seconds[1];
    long versionRows = db.versionRows();
    if (versionRows != 2L * joins) {
      throw new IllegalStateException(String.format(Locale.ROOT, "Expected %,d version rows (version 0 of every"
          + " record created by either side), found %,d", 2L * joins, versionRows));
    }
    return new Result("4b. First join: acquire creating the record + version 0 vs JDBC INSERT of both rows",
        joins / dataManager, joins / jdbc, "joins/s", Target.ratioAtLeast(0.5), String.format(Locale.ROOT,
            "%,d missing records, created from the %d-byte template, %d threads, one transaction per join on both"
            + " sides, taking turns every %d records; baseline = SELECT … FOR UPDATE finding no row, INSERT of the"
            + " record and of its version 0 (every column of DM_RECORD_VERSION); DataManager %.2f s, JDBC %.2f s;"
            + " %,d version rows after the run. New with versions: no earlier figure.", joins,
            Documents.TEMPLATE.length(), BenchMode.DB_THREADS, JoinBench.CHUNK, dataManager, jdbc, versionRows));
  }

  private static void create(BenchDatabase db, String key) throws Exception {
    try (Connection c = db.pooled();
        PreparedStatement select = c.prepareStatement(SELECT);
        PreparedStatement create = c.prepareStatement(CREATE);
        PreparedStatement version = c.prepareStatement(VersionRows.INSERT)) {
      c.setAutoCommit(false);
      select.setString(1, BenchDatabase.STORE);
      select.setString(2, key);
      try (ResultSet row = select.executeQuery()) {
        if (row.next()) {
          throw new IllegalStateException("Record " + key + " already there");
        }
      }
      create.setString(1, BenchDatabase.STORE);
      create.setString(2, key);
      create.setString(3, Documents.TEMPLATE);
      create.setString(4, JoinBench.NODE);
      create.setString(5, JoinBench.NODE);
      create.executeUpdate();
      CREATED.bind(version, key, 0, Documents.TEMPLATE);
      version.executeUpdate();
      c.commit();
    }
  }
}
