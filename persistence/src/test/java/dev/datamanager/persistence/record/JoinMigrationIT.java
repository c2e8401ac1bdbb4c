package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A join brings a record to its store's latest schema version in the join's own transaction, or takes nothing. */
class JoinMigrationIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final RecordKey KEY = new RecordKey("PlayerData", "Player_migrated");

  /** Rewrites the document to {@code {"migrated":<from>}} and reaches {@code latest}. */
  static SchemaMigration to(int latest, AtomicInteger calls) {
    return new SchemaMigration() {
      @Override
      public int latest() {
        return latest;
      }

      @Override
      public Optional<Migrated> migrate(RecordKey key, String data, int schemaVersion) {
        calls.incrementAndGet();
        if (schemaVersion == latest) {
          return Optional.empty();
        }
        String text = "{\"migratedFrom\":" + schemaVersion + "}";
        return Optional.of(new Migrated(text, text.getBytes(StandardCharsets.UTF_8).length, latest));
      }
    };
  }

  private void createAndRelease(String data) {
    long generation = assertInstanceOf(Acquired.class,
        a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, false, data)).generation();
    a.releaseBatch(List.of(new CommitRequest(KEY, "node-a", generation, 0, null)));
  }

  @Test
  void aRecordBehindIsMigratedAndTakenInOneCommitWithAMigrationVersion() throws SQLException {
    createAndRelease("{\"coins\":1}");
    assertEquals(0, b.read(KEY).orElseThrow().schemaVersion(), "a store without migrations stays at 0");
    Acquired joined = assertInstanceOf(Acquired.class,
        b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, false, "{}", to(3, new AtomicInteger())));
    assertEquals("{\"migratedFrom\":0}", joined.data());
    assertEquals(3, joined.schemaVersion());
    assertEquals(1, joined.version());
    RecordSnapshot stored = a.read(KEY).orElseThrow();
    assertEquals("{\"migratedFrom\":0}", stored.data());
    assertEquals(3, stored.schemaVersion());
    assertEquals("node-b", stored.lock().owner());
    assertEquals(List.of("0 create node-a 0 {\"coins\":1}", "1 migration node-b 3 {\"migratedFrom\":0}"), versions());
  }

  @Test
  void aRecordAtTheLatestVersionIsTakenWithNoNewVersion() throws SQLException {
    AtomicInteger calls = new AtomicInteger();
    long generation = assertInstanceOf(Acquired.class,
        a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, false, "{\"new\":true}", to(2, calls))).generation();
    assertEquals(0, calls.get(), "a record created from the template needs no migration");
    assertEquals(2, a.read(KEY).orElseThrow().schemaVersion(), "created at the latest step");
    a.releaseBatch(List.of(new CommitRequest(KEY, "node-a", generation, 0, null)));
    Acquired again = assertInstanceOf(Acquired.class,
        b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, false, "{}", to(2, calls)));
    assertEquals(1, calls.get());
    assertEquals("{\"new\":true}", again.data());
    assertEquals(List.of("0 create node-a 2 {\"new\":true}"), versions());
  }

  @Test
  void aMigrationThatFailsTakesAndWritesNothing() throws SQLException {
    createAndRelease("{\"coins\":1}");
    RecordSnapshot before = b.read(KEY).orElseThrow();
    SchemaMigration failing = new SchemaMigration() {
      @Override
      public int latest() {
        return 1;
      }

      @Override
      public Optional<Migrated> migrate(RecordKey key, String data, int schemaVersion) {
        throw new IllegalStateException("step 0001 failed");
      }
    };
    assertThrows(IllegalStateException.class,
        () -> b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, false, "{}", failing));
    RecordSnapshot after = b.read(KEY).orElseThrow();
    assertNull(after.lock(), "the lock was not taken");
    assertEquals(before.generation(), after.generation());
    assertEquals(before.data(), after.data());
    assertEquals(0, after.schemaVersion());
    assertEquals(1, versions().size());
  }

  private List<String> versions() throws SQLException {
    try (Connection c = nodeA.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT version_no, reason, saved_by, schema_version, data"
            + " FROM dm_record_version WHERE store_name = ? AND record_key = ? ORDER BY version_no")) {
      s.setString(1, KEY.store());
      s.setString(2, KEY.key());
      List<String> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " "
              + r.getString(5));
        }
      }
      return rows;
    }
  }
}
