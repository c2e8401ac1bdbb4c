package dev.datamanager.bench;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.persistence.record.RecordRepository;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Benchmark 2: row writes that reach the database for N updates over M sessions, beside write-through. */
final class WriteAmplificationBench {

  private static final String KEY_PREFIX = "W_";

  private WriteAmplificationBench() {}

  static List<Result> run(BenchNode node, BenchDatabase db, BenchMode mode) throws Exception {
    int sessions = mode.sessions();
    LoadGenerator load = new LoadGenerator(BenchMode.HTTP_THREADS);
    load.count(sessions, i -> node.join(key(i, sessions)));
    awaitClean(node, mode.autosaveInterval().multipliedBy(3));
    double commitsBefore = node.metric("datamanager_commits");
    long start = System.nanoTime();
    LoadFigures updates = load.count(mode.updates(), i -> node.patch(key(i, sessions), "{\"coins\":" + i + "}"));
    awaitClean(node, mode.autosaveInterval().multipliedBy(3));
    double elapsed = (System.nanoTime() - start) / 1e9;
    double writes = node.metric("datamanager_commits") - commitsBefore;
    load.count(sessions, i -> node.leave(key(i, sessions)));
    long intervals = Math.max(1, (long) Math.ceil(elapsed / mode.autosaveInterval().toSeconds()));
    WriteThrough baseline = writeThrough(db, mode);
    double perSessionInterval = writes / sessions / intervals;
    String common = String.format(Locale.ROOT, "%,d PATCHes over %,d sessions (%s; Java HttpClient, 8 threads); autosave interval %s;"
            + " all sessions clean after %.1f s = %d interval(s); DataManager commits %,.0f rows (metric"
            + " datamanager_commits). Write-through: one fenced RecordRepository.commit per update, %,d updates run"
            + " on %d threads in %.1f s (%,.0f commits/s), pg_stat n_tup_upd +%,d; its rows for all %,d updates ="
            + " %,d (one per update).", mode.updates(), sessions, updates.summary(),
        mode.autosaveInterval(), elapsed, intervals, writes, baseline.updates, BenchMode.DB_THREADS,
        baseline.seconds, baseline.updates / baseline.seconds, baseline.rowUpdates, mode.updates(), mode.updates());
    return List.of(
        new Result("2a. Row writes per dirty session per interval", perSessionInterval,
            (double) mode.updates() / sessions, "rows", Target.figureAtMost(1, "row"), common),
        new Result("2b. Row writes: DataManager vs write-through", writes, mode.updates(), "rows",
            Target.ratioAtMost(0.01), "Same run as 2a; ratio = DataManager rows / write-through rows."));
  }

  private record WriteThrough(long updates, double seconds, long rowUpdates) {}

  /** One fenced commit per update, through the repository, on rows this baseline owns. */
  private static WriteThrough writeThrough(BenchDatabase db, BenchMode mode) throws Exception {
    db.clear();
    db.seed(mode.sessions(), "write-through", Documents.TEMPLATE);
    RecordRepository repository = db.repository();
    long statsBefore = db.rowUpdates();
    double seconds = Workers.timed(BenchMode.DB_THREADS, mode.writeThroughSample(), i -> {
      RecordKey key = new RecordKey(BenchDatabase.STORE, BenchDatabase.key((int) (i % mode.sessions())));
      RowBatches.require(List.of(repository.commit(key, "write-through", 1, RowBatches.nextChange(), "{\"coins\":" + i + "}")));
    });
    Thread.sleep(1500);
    return new WriteThrough(mode.writeThroughSample(), seconds, db.rowUpdates() - statsBefore);
  }

  /** Waits until no held session is dirty (autosave caught up), at most {@code limit}. */
  private static void awaitClean(BenchNode node, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (node.dirtySessions() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Sessions still dirty after " + limit);
      }
      Thread.sleep(500);
    }
  }

  private static String key(long i, int sessions) {
    return KEY_PREFIX + (i % sessions);
  }
}
