package dev.datamanager.bench;

import java.util.Locale;

/** Benchmark 3: dirty sessions saved by fenced commitBatch calls vs raw JDBC batched UPDATEs of the same rows. */
final class AutosaveBench {

  private static final String OWNER = "autosaver";
  static final String UPDATE = "UPDATE dm_record SET data = ?, record_version = record_version + 1,"
      + " updated_at = statement_timestamp(), lease_renewed_at = statement_timestamp()"
      + " WHERE store_name = ? AND record_key = ?";

  private AutosaveBench() {}

  static Result run(BenchDatabase db, BenchMode mode) throws Exception {
    int rows = mode.autosaveRows();
    db.clear();
    db.seed(rows, OWNER, Documents.ofSize(1024, 1));
    double dataManager = 0;
    double jdbc = 0;
    for (int round = 0; round < mode.autosaveRounds(); round++) {
      String data = Documents.ofSize(1024, round + 2);
      jdbc += RowBatches.jdbc(db, rows, data, UPDATE);
      dataManager += RowBatches.repository(rows, OWNER, data, db.repository()::commitBatch);
    }
    double total = (double) rows * mode.autosaveRounds();
    return new Result("3. Autosave: commitBatch vs JDBC batch UPDATE", total / dataManager, total / jdbc, "rows/s",
        Target.ratioAtLeast(0.5), String.format(Locale.ROOT, "%,d sessions of 1 KB, batches of %d, one thread,"
            + " %d round(s), alternating; DataManager %.2f s, JDBC %.2f s.", rows, RowBatches.SIZE,
            mode.autosaveRounds(), dataManager, jdbc));
  }
}
