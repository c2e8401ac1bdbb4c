package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The job API on PostgreSQL, plus what only the database shows: one tagged version per changed record, the audit. */
class PostgresJobIT extends JobTests {

  PostgresJobIT() {
    super(NodeDatabase.POSTGRES);
  }

  @Override
  void checkTaggedVersions(String jobId, Set<String> changedKeys, String store) {
    try (Connection c = TestPostgres.shared().connect(node.databaseEnvironment().get("DB_NAME"))) {
      Map<String, Integer> tagged = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT store_name, record_key, reason, saved_by"
          + " FROM dm_record_version WHERE tag = ?")) {
        s.setString(1, jobId);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            assertEquals(store, rows.getString(1));
            assertEquals("restore", rows.getString(3));
            assertEquals(node.admin.user(), rows.getString(4), "the version's author is the admin who started it");
            tagged.merge(rows.getString(2), 1, Integer::sum);
          }
        }
      }
      assertEquals(changedKeys, tagged.keySet(), "exactly the changed records carry the job's tag");
      tagged.forEach((key, count) -> assertEquals(1, count, key + " changed once"));
      try (PreparedStatement s = c.prepareStatement("SELECT user_name, outcome FROM dm_audit"
          + " WHERE action = 'job-start' AND target = ?")) {
        s.setString(1, jobId);
        try (ResultSet rows = s.executeQuery()) {
          assertEquals(true, rows.next(), "audited");
          assertEquals(node.admin.user(), rows.getString(1));
          assertEquals("ok", rows.getString(2));
          assertEquals(false, rows.next(), "audited once");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
