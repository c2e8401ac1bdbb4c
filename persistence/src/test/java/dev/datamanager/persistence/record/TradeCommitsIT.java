package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The records of a trade are written in one transaction or not at all, and whether a trade committed is read back
 * from its tagged versions under the rows' locks: never while an attempt is still in flight, never guessed.
 */
class TradeCommitsIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final RecordKey GIVER = new RecordKey("PlayerData", "Player_giver");
  static final RecordKey TAKER = new RecordKey("PlayerData", "Player_taker");

  private TradeCommits trades;
  private long giver;
  private long taker;

  @BeforeEach
  void twoHeldRecords() {
    trades = new TradeCommits(nodeA.entityManagerFactory(), DocumentLimit.DEFAULT_MAX_BYTES);
    giver = assertInstanceOf(Acquired.class,
        a.acquire(GIVER, "node-a", PROCESS, RECENT, STALE, false, "{\"items\":[\"sword\"]}")).generation();
    taker = assertInstanceOf(Acquired.class,
        a.acquire(TAKER, "node-a", PROCESS, RECENT, STALE, false, "{\"items\":[]}")).generation();
  }

  @Test
  void aTradeWritesEveryRecordAsATaggedVersionAndARepeatRecognisesItInsteadOfWritingAgain() throws SQLException {
    List<CommitRequest> swap = swap("trade-1", giver);
    List<Committed> first = trades.commit(swap, (em, outcomes, now) -> { }, () -> { });
    List<Committed> again = trades.commit(swap, (em, outcomes, now) -> { }, () -> { });

    assertEquals(List.of(1L, 1L), first.stream().map(Committed::version).toList());
    assertEquals(first.stream().map(Committed::version).toList(), again.stream().map(Committed::version).toList());
    assertEquals(List.of("0 create null", "1 trade trade-1"), versions(GIVER));
    assertEquals(List.of("0 create null", "1 trade trade-1"), versions(TAKER));
    assertEquals("{\"items\":[]}", data(GIVER));
    assertEquals("{\"items\":[\"sword\"]}", data(TAKER));
    assertEquals(Optional.of(List.of(1L, 1L)), trades.outcome(swap).map(c -> c.stream().map(Committed::version)
        .toList()));
  }

  @Test
  void oneLostFenceWritesNothingAtAll() throws SQLException {
    List<CommitRequest> swap = swap("trade-2", giver + 1); // the giver's session is of an older generation

    SessionLostException lost = assertThrows(SessionLostException.class,
        () -> trades.commit(swap, (em, outcomes, now) -> { }, () -> { }));

    assertEquals(GIVER.key(), lost.key());
    assertEquals("{\"items\":[\"sword\"]}", data(GIVER));
    assertEquals("{\"items\":[]}", data(TAKER), "the taker's side was not written either");
    assertEquals(List.of("0 create null"), versions(TAKER));
  }

  @Test
  void aFailureBeforeTheCommitLeavesNothingAndTheOutcomeReadsNotCommitted() throws SQLException {
    List<CommitRequest> swap = swap("trade-3", giver);

    assertThrows(IllegalStateException.class, () -> trades.commit(swap, (em, outcomes, now) -> { }, () -> {
      throw new IllegalStateException("the connection dropped");
    }));

    assertEquals(Optional.empty(), trades.outcome(swap));
    assertEquals("{\"items\":[]}", data(TAKER));
    assertEquals(List.of("0 create null"), versions(GIVER));
  }

  @Test
  void theOutcomeOfATradeStillInFlightWaitsForItInsteadOfAnsweringNotCommitted() throws Exception {
    List<CommitRequest> swap = swap("trade-4", giver);
    CountDownLatch written = new CountDownLatch(1);
    CompletableFuture<List<Committed>> slow = CompletableFuture.supplyAsync(() -> trades.commit(swap,
        (em, outcomes, now) -> { }, () -> {
          written.countDown();
          pause(Duration.ofMillis(1500)); // the statements are in, the commit has not happened yet
        }));
    assertTrue(written.await(30, TimeUnit.SECONDS));

    Optional<List<Committed>> read = new TradeCommits(nodeB.entityManagerFactory(), DocumentLimit.DEFAULT_MAX_BYTES)
        .outcome(swap);

    assertEquals(List.of(1L, 1L), slow.get(30, TimeUnit.SECONDS).stream().map(Committed::version).toList());
    assertTrue(read.isPresent(), "read under the rows' locks, after the commit in flight ended");
  }

  private List<CommitRequest> swap(String tradeId, long giverGeneration) {
    VersionNote note = new VersionNote(SaveReason.TRADE, "node-a", tradeId);
    return List.of(
        new CommitRequest(GIVER, "node-a", giverGeneration, 1, "{\"items\":[]}", note, null),
        new CommitRequest(TAKER, "node-a", taker, 1, "{\"items\":[\"sword\"]}", note, null));
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String data(RecordKey key) throws SQLException {
    return rows("SELECT data FROM dm_record WHERE store_name = ? AND record_key = ?", key, 1).get(0);
  }

  private List<String> versions(RecordKey key) throws SQLException {
    return rows("SELECT version_no, reason, tag FROM dm_record_version WHERE store_name = ? AND record_key = ?"
        + " ORDER BY version_no", key, 3);
  }

  private List<String> rows(String sql, RecordKey key, int columns) throws SQLException {
    try (Connection c = nodeA.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, key.store());
      s.setString(2, key.key());
      List<String> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          List<String> fields = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            fields.add(r.getString(i));
          }
          rows.add(String.join(" ", fields));
        }
      }
      return rows;
    }
  }
}
