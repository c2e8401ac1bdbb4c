package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.version.VersionSummary;
import dev.datamanager.persistence.testing.Changes;
import dev.datamanager.persistence.testing.Node;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Retention on the database: expired versions go unless pinned, current or among the newest {@code min}; old
 * autosave versions are thinned to the latest of each hour in batches of any size; two nodes pruning at once
 * delete each version exactly once. Old versions are made by backdating rows over JDBC.
 */
class VersionPruningIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final Retention RULES = new Retention(Duration.ofDays(30), 2, Duration.ofHours(24));
  /** The start of an hour (UTC) two days back: older than thin-after, younger than keep. */
  static final Instant HOUR = Instant.now().minus(Duration.ofHours(48)).truncatedTo(ChronoUnit.HOURS);

  @Test
  void expiredVersionsGoUnlessPinnedCurrentOrAmongTheNewestMin() throws SQLException {
    RecordKey key = record("Expired_1", 6);
    for (long v = 0; v <= 4; v++) {
      backdate(key, v, "save", Instant.now().minus(Duration.ofDays(40)));
    }
    history().pin(key, 1, true);
    VersionPruner pruner = new VersionPruner(nodeA.entityManagerFactory());
    assertEquals(0, pruner.dropExpired(new Retention(RULES.keep(), 10, RULES.thinAfter()), 100).deleted(),
        "all seven are among the newest ten");
    assertEquals(4, pruner.dropExpired(RULES, 100).deleted());
    assertEquals(List.of(1L, 5L, 6L), kept(key));

    RecordKey alone = record("Expired_2", 0);
    backdate(alone, 0, "create", Instant.now().minus(Duration.ofDays(40)));
    assertEquals(0, pruner.dropExpired(new Retention(RULES.keep(), 0, RULES.thinAfter()), 100).deleted(),
        "the current version stays even with min 0");
    assertEquals(List.of(0L), kept(alone));
  }

  @Test
  void expiredVersionsGoInBatchesThatSayWhenMoreMayBeDue() throws SQLException {
    RecordKey key = record("Expired_3", 9);
    for (long v = 0; v <= 6; v++) {
      backdate(key, v, "autosave", Instant.now().minus(Duration.ofDays(40)));
    }
    VersionPruner pruner = new VersionPruner(nodeA.entityManagerFactory());
    PruneBatch first = pruner.dropExpired(RULES, 4);
    assertEquals(4, first.deleted());
    assertTrue(first.next() != null, "a full batch: more may be due");
    PruneBatch second = pruner.dropExpired(RULES, 4);
    assertEquals(3, second.deleted());
    assertEquals(null, second.next());
    assertEquals(List.of(7L, 8L, 9L), kept(key));
  }

  @Test
  void oldAutosaveVersionsAreThinnedToTheLatestOfEachHourWhateverTheBatchSize() throws SQLException {
    for (int batch : new int[] {2, 3, 1000}) {
      RecordKey key = record("Thin_" + batch, 14);
      backdate(key, 0, "create", HOUR.minus(Duration.ofHours(2)));
      for (long v = 1; v <= 5; v++) {
        backdate(key, v, "autosave", HOUR.plus(Duration.ofMinutes(v))); // hour 0: only v5 stays
      }
      backdate(key, 6, "autosave", HOUR.plus(Duration.ofMinutes(61))); // pinned
      backdate(key, 7, "autosave", HOUR.plus(Duration.ofMinutes(62))); // latest of hour 1
      backdate(key, 8, "save", HOUR.plus(Duration.ofMinutes(63))); // not an autosave
      for (long v = 9; v <= 12; v++) {
        backdate(key, v, "autosave", HOUR.plus(Duration.ofMinutes(120 + v))); // hour 2: only v12 stays
      }
      history().pin(key, 6, true);
      RecordKey young = record("Young_" + batch, 3);
      for (long v = 0; v <= 3; v++) {
        backdate(young, v, "autosave", HOUR.plus(Duration.ofMinutes(10 + v))); // v2 and v3 are the newest two
      }

      assertEquals(9, thinPass(new VersionPruner(nodeA.entityManagerFactory()), batch), "batch " + batch);
      assertEquals(List.of(0L, 5L, 6L, 7L, 8L, 12L, 13L, 14L), kept(key), "batch " + batch);
      assertEquals(List.of(2L, 3L), kept(young), "batch " + batch);
      assertEquals(0, thinPass(new VersionPruner(nodeB.entityManagerFactory()), batch), "a second pass thins nothing");
    }
  }

  @Test
  void twoNodesThinningAtOnceDeleteEachVersionExactlyOnce() throws Exception {
    RecordKey key = record("Busy_1", 200);
    for (long v = 0; v <= 198; v++) {
      backdate(key, v, "autosave", HOUR.plus(Duration.ofHours(v / 20)).plus(Duration.ofMinutes(v % 20)));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> passes = new ArrayList<>();
      for (Node node : List.of(nodeA, nodeB)) {
        VersionPruner pruner = new VersionPruner(node.entityManagerFactory());
        passes.add(pool.submit((Callable<Integer>) () -> {
          start.await();
          return thinPass(pruner, 7);
        }));
      }
      start.countDown();
      int deleted = 0;
      for (Future<Integer> pass : passes) {
        deleted += pass.get(60, TimeUnit.SECONDS);
      }
      assertEquals(189, deleted, "every deletion counted once across both nodes");
    } finally {
      pool.shutdownNow();
    }
    List<Long> expected = new ArrayList<>(LongStream.rangeClosed(0, 9).map(h -> h == 9 ? 198 : h * 20 + 19).boxed()
        .toList());
    expected.addAll(List.of(199L, 200L));
    assertEquals(expected, kept(key));
  }

  /** One complete thinning pass; how many versions it deleted. */
  private static int thinPass(VersionPruner pruner, int batch) {
    int deleted = 0;
    VersionKey next = null;
    do {
      PruneBatch done = pruner.thin(RULES, next, batch);
      deleted += done.deleted();
      next = done.next();
    } while (next != null);
    return deleted;
  }

  /** A record of {@code versions} + 1 versions (0 to {@code versions}), written by node A. */
  private RecordKey record(String name, int versions) {
    RecordKey key = new RecordKey("PlayerData", name);
    long generation = assertInstanceOf(Acquired.class,
        a.acquire(key, "node-a", PROCESS, RECENT, STALE, false, "{}")).generation();
    for (int n = 1; n <= versions; n++) {
      a.commit(key, "node-a", generation, Changes.next(), "{\"n\":" + n + "}");
    }
    return key;
  }

  private void backdate(RecordKey key, long version, String reason, Instant savedAt) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement update = c.prepareStatement("UPDATE DM_RECORD_VERSION SET SAVED_AT = ?, REASON = ?"
            + " WHERE STORE_NAME = ? AND RECORD_KEY = ? AND VERSION_NO = ?")) {
      update.setTimestamp(1, Timestamp.from(savedAt));
      update.setString(2, reason);
      update.setString(3, key.store());
      update.setString(4, key.key());
      update.setLong(5, version);
      assertEquals(1, update.executeUpdate());
    }
  }

  private VersionHistory history() {
    return new VersionHistory(nodeB.entityManagerFactory());
  }

  private List<Long> kept(RecordKey key) {
    return history().list(key, new VersionQuery(null, null, true, 500, null)).orElseThrow().versions().stream()
        .map(VersionSummary::version).toList();
  }
}
