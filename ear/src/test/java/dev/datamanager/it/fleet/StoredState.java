package dev.datamanager.it.fleet;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database holds at the end of a run, read straight from its tables: each record's update sequence, items
 * and acked gifts, and the gifts still pending as messages.
 *
 * @param seqs each key's stored {@code seq} (absent: none stored)
 * @param items each key's stored {@code items}
 * @param gifts each key's stored {@code gifts}, the effects of acked messages
 * @param pendingGifts each key's gifts still pending as messages
 */
record StoredState(Map<String, Long> seqs, Map<String, List<String>> items, Map<String, List<String>> gifts,
    Map<String, List<String>> pendingGifts) {

  static StoredState read(Connection connection, String store) throws SQLException {
    Map<String, Long> seqs = new HashMap<>();
    Map<String, List<String>> items = new HashMap<>();
    Map<String, List<String>> gifts = new HashMap<>();
    Map<String, List<String>> pending = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery(
          "SELECT RECORD_KEY, DATA FROM DM_RECORD WHERE STORE_NAME = '" + store + "'")) {
        while (rows.next()) {
          String key = rows.getString(1);
          JsonObject data = parse(rows.getString(2));
          if (data.containsKey("seq")) {
            seqs.put(key, data.getJsonNumber("seq").longValue());
          }
          items.put(key, strings(data, "items"));
          gifts.put(key, strings(data, "gifts"));
        }
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT RECORD_KEY, BODY FROM DM_MESSAGE WHERE STORE_NAME = '" + store + "'")) {
        while (rows.next()) {
          JsonObject body = parse(rows.getString(2));
          if (body.containsKey("gift")) {
            pending.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(body.getString("gift"));
          }
        }
      }
    }
    return new StoredState(seqs, items, gifts, pending);
  }

  static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  static List<String> strings(JsonObject data, String field) {
    return data.containsKey(field) && !data.isNull(field)
        ? data.getJsonArray(field).getValuesAs(JsonString::getString) : List.of();
  }
}
