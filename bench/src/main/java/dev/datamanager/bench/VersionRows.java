package dev.datamanager.bench;

import dev.datamanager.api.record.SaveReason;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The baselines' version rows: what DataManager inserts into DM_RECORD_VERSION beside each record it writes. */
record VersionRows(String author, SaveReason reason) {

  /** Every column of DM_RECORD_VERSION, as the repository fills them for a write without a tag. */
  static final String INSERT = "INSERT INTO dm_record_version (store_name, record_key, version_no, saved_at,"
      + " saved_by, reason, tag, bytes, schema_version, pinned, data)"
      + " VALUES (?, ?, ?, statement_timestamp(), ?, ?, NULL, ?, 1, false, ?)";

  /** Sets the parameters of {@link #INSERT} for version {@code version} of {@code key}, which holds {@code data}. */
  void bind(PreparedStatement insert, String key, long version, String data) throws SQLException {
    insert.setString(1, BenchDatabase.STORE);
    insert.setString(2, key);
    insert.setLong(3, version);
    insert.setString(4, author);
    insert.setString(5, reason.wire());
    insert.setLong(6, data.getBytes(StandardCharsets.UTF_8).length);
    insert.setString(7, data);
  }
}
