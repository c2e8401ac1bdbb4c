package dev.datamanager.bench;

import dev.datamanager.api.record.SaveReason;
import java.util.Locale;

/** Benchmark 5: saving and releasing every dirty session with releaseBatch in batches of 200, as ShutdownFlush does. */
final class ShutdownFlushBench {

  private static final String OWNER = "flusher";
  private static final int FULL_SESSIONS = 50_000;
  private static final double BUDGET_SECONDS = 30;
  private static final String RELEASE = "UPDATE dm_record SET data = ?, record_version = record_version + 1,"
      + " updated_at = statement_timestamp(), owner_id = NULL, lease_renewed_at = NULL"
      + " WHERE store_name = ? AND record_key = ?";

  private ShutdownFlushBench() {}

  static Result run(BenchDatabase db, BenchMode mode) throws Exception {
    int sessions = mode.flushSessions();
    String data = Documents.ofSize(1024, 7);
    db.clear();
    db.seed(sessions, OWNER, Documents.ofSize(1024, 1));
    double jdbc = RowBatches.jdbc(db, sessions, data, RELEASE);
    db.clear();
    db.seed(sessions, OWNER, Documents.ofSize(1024, 1));
    double dataManager = RowBatches.repository(sessions, OWNER, data, SaveReason.SHUTDOWN,
        db.repository()::releaseBatch);
    // The short mode flushes fewer sessions; its budget shrinks in proportion.
    double budget = BUDGET_SECONDS * sessions / FULL_SESSIONS;
    return new Result("5. Shutdown flush of " + String.format(Locale.ROOT, "%,d", sessions) + " sessions",
        dataManager, jdbc, "s", Target.figureBelow(budget, "s"), String.format(Locale.ROOT,
            "releaseBatch (save + release, fenced) in batches of %d on one thread, 1 KB documents; baseline = JDBC"
            + " batched UPDATE clearing the owner. Extrapolated to 50 000 sessions: %.1f s.", RowBatches.SIZE,
            dataManager * FULL_SESSIONS / sessions));
  }
}
