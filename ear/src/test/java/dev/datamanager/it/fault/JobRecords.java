package dev.datamanager.it.fault;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** What a job left in the database, read there directly: the store's documents and the versions the job wrote. */
final class JobRecords {

  private JobRecords() {}

  /** Every record's committed data in the test store. */
  static Map<String, JsonObject> storedData(Connection c) throws SQLException {
    Map<String, JsonObject> data = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT record_key, data FROM dm_record WHERE store_name = ?")) {
      s.setString(1, FaultNode.STORE);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          data.put(rows.getString(1), Json.createReader(new StringReader(rows.getString(2))).readObject());
        }
      }
    }
    return data;
  }

  /** How many versions job {@code id} wrote of each record (tagged with its id). */
  static Map<String, Integer> taggedVersions(Connection c, String id) throws SQLException {
    Map<String, Integer> counts = new TreeMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT record_key, COUNT(*) FROM dm_record_version"
        + " WHERE tag = ? GROUP BY record_key")) {
      s.setString(1, id);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return counts;
  }
}
