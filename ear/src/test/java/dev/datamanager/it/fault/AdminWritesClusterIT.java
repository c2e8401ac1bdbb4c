package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.testsupport.TestPostgres;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lock-safe admin writes across two nodes on one PostgreSQL database: a restore or an edit sent to node A of a
 * record node B holds is applied by B in the held session while its player keeps playing; a record whose owner does
 * not answer refuses with 409 while its lease is not stale, and is taken over once it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminWritesClusterIT {

  private static final LeaseSettings LEASE = LeaseSettings.LONG;

  private Cluster cluster;
  private FaultNode a;
  private FaultNode b;

  @BeforeAll
  void startNodes() {
    cluster = Cluster.onFreshDatabase("admin_writes", LEASE, "admin-a", "admin-b");
    a = cluster.node("admin-a");
    b = cluster.node("admin-b");
  }

  @AfterAll
  void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void restoreThroughAnotherNodeIsAppliedByTheLiveOwnerAndNeverOverwrittenLater() throws Exception {
    String key = "Restored_Live";
    long generation = b.join(key).generation();
    appendAll(key, "pre-", 5);
    long target = b.save(key).version();
    appendAll(key, "mid-", 5);
    b.save(key);

    List<Operation> stream;
    long restoreAnswered;
    try (PatchStream playing = PatchStream.start(b, key, "post-")) {
      pause(400);
      Answer restored = a.restore(key, "{\"version\":" + target + "}");
      restoreAnswered = System.nanoTime();
      assertEquals(200, restored.status(), restored.body());
      assertEquals("admin-b", restored.owner(), "the owner keeps the record");
      pause(1000);
      playing.close();
      stream = playing.log();
    }
    Answer session = b.session(key);
    assertEquals(200, session.status(), "the player was not kicked: " + session.body());
    assertEquals(generation, session.generation(), "same session, same lock");
    assertTrue(stream.stream().allMatch(Operation::acknowledged), "every update of the player was answered 200");
    assertEquals(204, b.leave(key).status());

    List<String> items = items(a.record(key));
    assertEquals(List.of("pre-0", "pre-1", "pre-2", "pre-3", "pre-4"), items.subList(0, 5), items.toString());
    assertFalse(items.stream().anyMatch(item -> item.startsWith("mid-")), "nothing of before the restore came back: "
        + items);
    List<String> after = items.subList(5, items.size());
    assertEquals(new HashSet<>(after).size(), after.size(), "no update stored twice: " + after);
    for (Operation update : stream) {
      if (update.sentNanos() > restoreAnswered) {
        assertTrue(after.contains(update.item()), "acknowledged after the restore, so kept: " + update.item()
            + " in " + after);
      }
    }
    assertEquals(List.of("fault-admin:" + List.of("pre-0", "pre-1", "pre-2", "pre-3", "pre-4")),
        restoreVersions(key), "the restore is one new version, by the admin, of the restored document");
  }

  @Test
  void editThroughAnotherNodeKeepsEveryUpdateThePlayerWasAnswered() {
    String key = "Edited_Live";
    long generation = b.join(key).generation();
    List<Operation> stream;
    try (PatchStream playing = PatchStream.start(b, key, "play-")) {
      pause(400);
      Answer edited = a.edit(key, "{\"coins\":999}");
      assertEquals(200, edited.status(), edited.body());
      assertEquals(999, edited.data().getInt("coins"));
      pause(600);
      playing.close();
      stream = playing.log();
    }
    assertEquals(generation, b.session(key).generation(), "the player was not kicked");
    assertEquals(204, b.leave(key).status());
    Answer record = a.record(key);
    assertEquals(999, record.data().getInt("coins"));
    List<String> items = items(record);
    for (Operation update : stream) {
      assertTrue(update.acknowledged(), "answered " + update.status());
      assertEquals(1, items.stream().filter(update.item()::equals).count(), update.item() + " in " + items);
    }
  }

  @Test
  void anOwnerThatDoesNotAnswerRefusesWhileItsLeaseIsRecentAndIsTakenOverOnceStale() throws SQLException {
    String key = "Dead_Owner";
    b.join(key);
    assertEquals(204, b.leave(key).status());
    lockAsGoneNode(key, "0 seconds");
    Answer restore = a.restore(key, "{\"version\":0}");
    assertEquals(409, restore.status(), restore.body());
    assertTrue(restore.json().getString("type").endsWith(":session-refused"), restore.body());
    assertTrue(restore.json().getBoolean("retryable"));
    assertEquals(409, a.edit(key, "{\"coins\":5}").status());
    assertEquals("node-gone", a.record(key).owner(), "nothing changed");

    lockAsGoneNode(key, "10 minutes");
    Answer edited = a.edit(key, "{\"coins\":5}");
    assertEquals(200, edited.status(), edited.body());
    assertEquals(5, edited.data().getInt("coins"));
    assertNull(edited.owner(), "taken over like a join, written, released");
    assertEquals(200, b.join(key).status(), "and free to join");
    assertEquals(5, b.session(key).data().getInt("coins"));
    assertEquals(204, b.leave(key).status());
  }

  private void appendAll(String key, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      assertEquals(200, b.append(key, prefix + i).status());
    }
  }

  private static List<String> items(Answer record) {
    return new ArrayList<>(record.data().getJsonArray("items").getValuesAs(JsonString::getString));
  }

  /** Author and items of each version of {@code key} with reason restore, read in the database itself. */
  private List<String> restoreVersions(String key) throws SQLException {
    try (Connection c = TestPostgres.shared().connect(a.databaseName());
        PreparedStatement s = c.prepareStatement("SELECT saved_by, data FROM dm_record_version"
            + " WHERE store_name = 'PlayerData' AND record_key = ? AND reason = 'restore'")) {
      s.setString(1, key);
      List<String> found = new ArrayList<>();
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          found.add(row.getString(1) + ":" + Json.createReader(new StringReader(row.getString(2))).readObject()
              .getJsonArray("items").getValuesAs(JsonString::getString));
        }
      }
      return found;
    }
  }

  /** The lock of a node that never answers, renewed {@code age} ago by the database clock. */
  private void lockAsGoneNode(String key, String age) throws SQLException {
    try (Connection c = TestPostgres.shared().connect(a.databaseName());
        PreparedStatement s = c.prepareStatement("UPDATE dm_record SET owner_id = 'node-gone',"
            + " owner_incarnation = 'gone', generation = generation + 1,"
            + " lease_renewed_at = CURRENT_TIMESTAMP - CAST(? AS INTERVAL)"
            + " WHERE store_name = 'PlayerData' AND record_key = ?")) {
      s.setString(1, age);
      s.setString(2, key);
      assertEquals(1, s.executeUpdate());
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
