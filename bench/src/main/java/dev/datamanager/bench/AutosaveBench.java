package dev.datamanager.bench;

import dev.datamanager.api.record.SaveReason;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 3: dirty sessions saved by fenced commitBatch calls, which keep a version of every record they write,
 * vs raw JDBC batched UPDATEs of the same rows, without (3) and with (3b) the one extra version row per record.
 */
final class AutosaveBench {

  private static final String OWNER = "autosaver";
  static final String UPDATE = "UPDATE dm_record SET data = ?, record_version = record_version + 1,"
      + " updated_at = statement_timestamp(), lease_renewed_at = statement_timestamp()"
      + " WHERE store_name = ? AND record_key = ?";
  private static final int SIDES = 3;
  private static final int DATA_MANAGER = 0;
  private static final int PLAIN_UPDATE = 1;
  private static final int UPDATE_AND_VERSION = 2;

  private AutosaveBench() {}

  static List<Result> run(BenchDatabase db, BenchMode mode) throws Exception {
    int rows = mode.autosaveRows();
    int rounds = mode.autosaveRounds();
    db.clear();
    db.seed(rows, OWNER, Documents.ofSize(1024, 1));
    double[] seconds = new double[SIDES];
    try (JdbcBatches update = new JdbcBatches(db, UPDATE, null);
        JdbcBatches withVersions = new JdbcBatches(db, UPDATE, new VersionRows(OWNER, SaveReason.AUTOSAVE))) {
      // Round 0 is untimed: every row past its first update, the JIT and the provider's login done.
      for (int round = 0; round <= rounds; round++) {
        String data = Documents.ofSize(1024, round + 2);
        long version = 1 + (long) SIDES * round; // seeded at 1; each side writes every row once per round
        for (int from = 0, batch = 0; from < rows; from += RowBatches.SIZE, batch++) {
          int to = Math.min(rows, from + RowBatches.SIZE);
          // Batch by batch, each side in turn and in a rotating order: a change of the machine's load falls on
          // all three alike, and none always writes the rows another has just written.
          for (int k = 0; k < SIDES; k++) {
            int side = (batch + round + k) % SIDES;
            long next = version + k + 1;
            double batchSeconds = switch (side) {
              case DATA_MANAGER -> RowBatches.repositoryBatch(from, to, OWNER, data, SaveReason.AUTOSAVE,
                  db.repository()::commitBatch);
              case PLAIN_UPDATE -> update.write(from, to, data, next);
              default -> withVersions.write(from, to, data, next);
            };
            seconds[side] += round == 0 ? 0 : batchSeconds;
          }
        }
      }
    }
    long expectedVersions = 2L * rows * (rounds + 1);
    long versionRows = db.versionRows();
    if (versionRows != expectedVersions) {
      throw new IllegalStateException(String.format(Locale.ROOT, "Expected %,d version rows (one per record written"
          + " by DataManager and by the baseline of 3b), found %,d", expectedVersions, versionRows));
    }
    return results(rows, rounds, seconds, versionRows, BeforeVersions.autosave(mode));
  }

  private static List<Result> results(int rows, int rounds, double[] seconds, long versionRows,
      BeforeVersions before) {
    double total = (double) rows * rounds;
    double dataManager = seconds[DATA_MANAGER];
    double update = seconds[PLAIN_UPDATE];
    double withVersions = seconds[UPDATE_AND_VERSION];
    return List.of(
        new Result("3. Autosave: commitBatch vs JDBC batch UPDATE", total / dataManager, total / update, "rows/s",
            Target.ratioAtLeast(0.5), String.format(Locale.ROOT, "%,d sessions of 1 KB, batches of %d, one thread;"
                + " an untimed round, then %d timed round(s), the three sides taking turns batch by batch;"
                + " DataManager %.2f s (with its versions), JDBC UPDATE %.2f s, JDBC UPDATE + version INSERT"
                + " %.2f s.", rows, RowBatches.SIZE, rounds, dataManager, update, withVersions),
            before),
        new Result("3b. Autosave: commitBatch vs JDBC batch UPDATE + version INSERT", total / dataManager,
            total / withVersions, "rows/s", Target.ratioAtLeast(before.ratio(), "3. before versions"),
            String.format(Locale.ROOT, "Same run as 3; the baseline also writes the row DataManager now adds: a"
                + " batch INSERT of each record's version (every column of DM_RECORD_VERSION, the same document) in"
                + " the same transaction. The extra row costs JDBC %+.3f ms per record (%+.0f%%). %,d version rows"
                + " after the run, one per record written by either side. Target: DataManager against the work it"
                + " now does is no worse than against the plain UPDATE before versions.",
                (withVersions - update) * 1000 / total, (withVersions / update - 1) * 100, versionRows),
            before));
  }
}
