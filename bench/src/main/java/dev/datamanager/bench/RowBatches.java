package dev.datamanager.bench;

import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Released;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Writes seeded rows in batches of 200, as the autosave and the shutdown flush do: through DataManager or raw JDBC. */
final class RowBatches {

  static final int SIZE = 200;

  private static final AtomicLong CHANGES = new AtomicLong();

  private RowBatches() {}

  /** A change number newer than every earlier one, as each write of one session has. */
  static long nextChange() {
    return CHANGES.incrementAndGet();
  }

  /** Seconds for {@code call} (commitBatch or releaseBatch) over rows {@code 0 … rows-1}, one batch at a time. */
  static double repository(int rows, String owner, String data, SaveReason reason,
      Function<List<CommitRequest>, List<?>> call) {
    double seconds = 0;
    for (int from = 0; from < rows; from += SIZE) {
      seconds += repositoryBatch(from, Math.min(rows, from + SIZE), owner, data, reason, call);
    }
    return seconds;
  }

  /**
   * Seconds for one {@code call} writing rows {@code from … to-1}, each write kept as a version with {@code reason}
   * as the node's autosave or shutdown flush keeps it.
   */
  static double repositoryBatch(int from, int to, String owner, String data, SaveReason reason,
      Function<List<CommitRequest>, List<?>> call) {
    VersionNote note = VersionNote.of(reason, owner);
    long start = System.nanoTime();
    List<CommitRequest> batch = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      batch.add(new CommitRequest(new RecordKey(BenchDatabase.STORE, BenchDatabase.key(i)), owner, 1, nextChange(),
          data, note, null));
    }
    require(call.apply(batch));
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds for the same rows written by {@code sql} (parameters: data, store, key), one JDBC batch per transaction. */
  static double jdbc(BenchDatabase db, int rows, String data, String sql) throws Exception {
    try (JdbcBatches jdbc = new JdbcBatches(db, sql, null)) {
      double seconds = 0;
      for (int from = 0; from < rows; from += SIZE) {
        seconds += jdbc.write(from, Math.min(rows, from + SIZE), data, 0);
      }
      return seconds;
    }
  }

  /** Fails the benchmark if any write was refused: a fast refusal is not a fast write. */
  static void require(List<?> outcomes) {
    for (Object outcome : outcomes) {
      if (!(outcome instanceof Committed) && !(outcome instanceof Released)) {
        throw new IllegalStateException("A benchmark write was refused: " + outcome);
      }
    }
  }
}
