package dev.datamanager.it.http;

import dev.datamanager.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The version rows of a PostgreSQL-backed node's database, read and written over JDBC beside the node: what is
 * really stored, not what the API says, and old rows no API call could write.
 */
final class VersionRows {

  /** The start of the hour (UTC) two days before the database's now. */
  static final String TWO_DAYS_BACK = "(date_trunc('hour', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
      + " - interval '48 hours')";

  private final String database;

  VersionRows(ApiNode node) {
    database = node.databaseEnvironment().get("DB_NAME");
  }

  /** The version numbers stored for {@code key} of PlayerData, oldest first. */
  List<Long> of(String key) {
    try (Connection c = connect();
        PreparedStatement select = c.prepareStatement("SELECT version_no FROM dm_record_version"
            + " WHERE store_name = 'PlayerData' AND record_key = ? ORDER BY version_no")) {
      select.setString(1, key);
      List<Long> versions = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          versions.add(rows.getLong(1));
        }
      }
      return versions;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the versions of " + key, e);
    }
  }

  /** A record of PlayerData at version {@code current}, free, as if long in use. */
  void insertRecord(String key, long current) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO dm_record (store_name, record_key, data, record_version, generation, created_at,"
          + " updated_at) VALUES ('PlayerData', '" + key + "', '{\"coins\":0}', " + current + ", 1,"
          + " now() - interval '3 days', now())");
    }
  }

  /** Version {@code version} of {@code key}, saved at the SQL time expression {@code savedAt}. */
  void insertVersion(String key, long version, String reason, String savedAt, boolean pinned) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO dm_record_version (store_name, record_key, version_no, saved_at, saved_by, reason,"
          + " bytes, schema_version, pinned, data) VALUES ('PlayerData', '" + key + "', " + version + ", " + savedAt
          + ", 'node-old', '" + reason + "', 16, 1, " + pinned + ", '{\"coins\":" + version + "}')");
    }
  }

  private Connection connect() throws SQLException {
    return TestPostgres.shared().connect(database);
  }
}
