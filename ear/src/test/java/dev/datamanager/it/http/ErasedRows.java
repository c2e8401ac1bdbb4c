package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** What a node's PostgreSQL database itself holds of erased records and user ids, read over JDBC beside the node. */
final class ErasedRows {

  /** Every table that keeps rows of a record by its store and key. */
  private static final List<String> RECORD_TABLES = List.of("dm_record", "dm_record_version", "dm_record_user",
      "dm_erasure_pending");

  private final String database;

  /** The database of a node started with {@code nodeDatabaseEnvironment} (its {@code DB_NAME}). */
  ErasedRows(Map<String, String> nodeDatabaseEnvironment) {
    this.database = nodeDatabaseEnvironment.get("DB_NAME");
  }

  /** No table keeps a row of {@code keys}, the user-id index has no row of {@code userId} (null: not checked). */
  void assertNothingLeft(List<RecordKey> keys, String userId) {
    for (RecordKey key : keys) {
      for (String table : RECORD_TABLES) {
        assertEquals(0, count("SELECT COUNT(*) FROM " + table + " WHERE store_name = ? AND record_key = ?",
            key.store(), key.key()), table + " rows of " + key);
      }
    }
    if (userId != null) {
      assertEquals(0, count("SELECT COUNT(*) FROM dm_record_user WHERE user_id = ?", userId), "index rows");
    }
  }

  /** Rows of {@code key} in {@code table}. */
  int rowsOf(String table, RecordKey key) {
    return count("SELECT COUNT(*) FROM " + table + " WHERE store_name = ? AND record_key = ?", key.store(),
        key.key());
  }

  /** No column of any row of {@code table} contains any of {@code secrets}, in any case. */
  void assertNowhereInClear(String table, List<String> secrets) {
    assertNowhereInClear(table, "", secrets);
  }

  /** No column of the rows of {@code table} that {@code where} selects contains any of {@code secrets}. */
  void assertNowhereInClear(String table, String where, List<String> secrets) {
    for (Map<String, String> row : rows("SELECT * FROM " + table + " " + where)) {
      row.forEach((column, value) -> secrets.forEach(secret -> assertFalse(
          value != null && value.toLowerCase().contains(secret.toLowerCase()),
          table + "." + column + " holds '" + secret + "' in clear: " + row)));
    }
  }

  /** Selects the audit entries of erasures. */
  static final String ERASURE_ENTRIES = "WHERE action IN ('erase', 'erase-user')";

  /** The audit entries of {@code action}, oldest first, as column name to text. */
  List<Map<String, String>> audit(String action) {
    return rows("SELECT * FROM dm_audit WHERE action = '" + action + "' ORDER BY audited_at, id");
  }

  /** Takes the record's lock the way a node that then died would: a fresh lease of a node that never answers. */
  void takeLockAsDeadNode(RecordKey key) {
    assertEquals(1, update("UPDATE dm_record SET owner_id = 'node-gone', owner_incarnation = 'gone',"
        + " lease_renewed_at = CURRENT_TIMESTAMP, generation = generation + 1"
        + " WHERE store_name = ? AND record_key = ?", key.store(), key.key()), "lock taken of " + key);
  }

  /** The audit trail's one-way hash of {@code value}, computed here on its own: SHA-256, hex. */
  static String hash(String value) {
    try {
      return "sha256:" + HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private int count(String sql, String... parameters) {
    return Integer.parseInt(rows(sql, parameters).get(0).values().iterator().next());
  }

  private List<Map<String, String>> rows(String sql, String... parameters) {
    return statement(sql, parameters, s -> {
      List<Map<String, String>> rows = new ArrayList<>();
      try (ResultSet result = s.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Map<String, String> row = new HashMap<>();
          for (int i = 1; i <= columns; i++) {
            row.put(result.getMetaData().getColumnName(i), result.getString(i));
          }
          rows.add(row);
        }
      }
      return rows;
    });
  }

  private int update(String sql, String... parameters) {
    return statement(sql, parameters, PreparedStatement::executeUpdate);
  }

  private interface StatementWork<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  /** Runs {@code work} on {@code sql} with its parameters bound, on a connection of its own. */
  private <T> T statement(String sql, String[] parameters, StatementWork<T> work) {
    try (Connection c = TestPostgres.shared().connect(database); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      return work.run(s);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused: " + sql, e);
    }
  }
}
