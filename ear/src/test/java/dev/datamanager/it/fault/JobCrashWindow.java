package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the database where a job runner killed between committing a record's change and marking its item leaves it:
 * the change and its tagged version are in, the item is pending again and not counted. Done under the job row's
 * lock, while the dead node still holds the job (nobody took it over yet), for the last items it changed.
 */
final class JobCrashWindow {

  private JobCrashWindow() {}

  /**
   * Reopens the {@code count} last items (in key order, keys after {@code after}) that job {@code id} marked done
   * and whose records carry its tagged version.
   *
   * @return their keys
   */
  static List<String> reopen(Connection c, String id, String deadRunner, String after, int count)
      throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement lock = c.prepareStatement("SELECT runner FROM dm_job WHERE id = ? FOR UPDATE")) {
      lock.setString(1, id);
      try (ResultSet row = lock.executeQuery()) {
        assertTrue(row.next());
        assertEquals(deadRunner, row.getString(1), "not yet taken over when the crash window is staged");
      }
    }
    List<String> reopened = new ArrayList<>();
    try (PreparedStatement reopen = c.prepareStatement("UPDATE dm_job_item SET state = 'PENDING'"
        + " WHERE job_id = ? AND record_key IN (SELECT i.record_key FROM dm_job_item i JOIN dm_record_version v"
        + " ON v.store_name = 'PlayerData' AND v.record_key = i.record_key AND v.tag = i.job_id"
        + " WHERE i.job_id = ? AND i.state = 'DONE' AND i.record_key > ?"
        + " ORDER BY i.record_key DESC LIMIT " + count + ") RETURNING record_key")) {
      reopen.setString(1, id);
      reopen.setString(2, id);
      reopen.setString(3, after);
      try (ResultSet rows = reopen.executeQuery()) {
        while (rows.next()) {
          reopened.add(rows.getString(1));
        }
      }
    }
    try (PreparedStatement uncount = c.prepareStatement("UPDATE dm_job SET done_count = done_count - ?"
        + " WHERE id = ?")) {
      uncount.setInt(1, reopened.size());
      uncount.setString(2, id);
      uncount.executeUpdate();
    }
    c.commit();
    assertEquals(count, reopened.size(), "records the dead runner changed");
    return reopened;
  }
}
