package dev.datamanager.bench;

import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Released;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
  static double repository(int rows, String owner, String data, Function<List<CommitRequest>, List<?>> call) {
    long start = System.nanoTime();
    for (int from = 0; from < rows; from += SIZE) {
      List<CommitRequest> batch = new ArrayList<>(SIZE);
      for (int i = from; i < Math.min(rows, from + SIZE); i++) {
        batch.add(new CommitRequest(new RecordKey(BenchDatabase.STORE, BenchDatabase.key(i)), owner, 1, nextChange(), data));
      }
      require(call.apply(batch));
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Seconds for the same rows written by {@code sql} (parameters: data, store, key), one JDBC batch per transaction. */
  static double jdbc(BenchDatabase db, int rows, String data, String sql) throws Exception {
    try (Connection c = db.connect(); PreparedStatement update = c.prepareStatement(sql)) {
      c.setAutoCommit(false);
      long start = System.nanoTime();
      for (int from = 0; from < rows; from += SIZE) {
        for (int i = from; i < Math.min(rows, from + SIZE); i++) {
          update.setString(1, data);
          update.setString(2, BenchDatabase.STORE);
          update.setString(3, BenchDatabase.key(i));
          update.addBatch();
        }
        update.executeBatch();
        c.commit();
      }
      return (System.nanoTime() - start) / 1e9;
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
