package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.UnheldWriteOutcome;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.persistence.audit.AuditTrail;
import dev.datamanager.persistence.testing.OnBothDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every committed write keeps exactly one version, read back here with plain SQL: version n is the document commit n
 * wrote, with its reason and writer; renewals, retries and releases with nothing new keep none.
 */
class VersionKeepingIT extends OnBothDatabases {

  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  static final RecordKey KEY = new RecordKey("PlayerData", "Player_versions");

  @Test
  void versionNIsTheDocumentCommitNWroteAndNothingElseKeepsOne() throws SQLException {
    long generation = assertInstanceOf(Acquired.class,
        a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, false, "{\"n\":0}")).generation();
    a.commitBatch(List.of(request(generation, 1, "{\"n\":1}", SaveReason.AUTOSAVE, List.of("u-1"))));
    a.commitBatch(List.of(request(generation, 1, "{\"n\":1}", SaveReason.AUTOSAVE, null))); // a retry
    a.renew("node-a", List.of(new LeaseClaim(KEY, generation)));
    a.commitBatch(List.of(request(generation, 2, "{\"n\":2}", SaveReason.SAVE, List.of("u-1", "u-2"))));
    a.releaseBatch(List.of(request(generation, 3, "{\"n\":3}", SaveReason.LEAVE, null)));
    long again = assertInstanceOf(Acquired.class,
        b.acquire(KEY, "node-b", PROCESS, RECENT, STALE, false, "{}")).generation();
    b.releaseBatch(List.of(new CommitRequest(KEY, "node-b", again, 0, null))); // a leave with nothing new

    assertEquals(List.of("0 create node-a {\"n\":0}", "1 autosave node-a {\"n\":1}", "2 save node-a {\"n\":2}",
        "3 leave node-a {\"n\":3}"), versions());
    assertEquals(3, b.read(KEY).orElseThrow().version());
    assertEquals(List.of("u-1", "u-2"), b.read(KEY).orElseThrow().userIds());
    assertEquals(List.of("u-1", "u-2"), usersIndexed());
  }

  @Test
  void anAdminWriteOfAFreeRecordIsANewVersionByItsAuthorAndErasureLeavesNothing() throws SQLException {
    long generation = assertInstanceOf(Acquired.class,
        a.acquire(KEY, "node-a", PROCESS, RECENT, STALE, false, "{\"n\":0}")).generation();
    a.releaseBatch(List.of(request(generation, 1, "{\"n\":1}", SaveReason.LEAVE, List.of("u-9"))));
    UnheldWriteOutcome written = b.writeUnheld(KEY, "node-b", PROCESS, RECENT, STALE, false,
        data -> "{\"n\":100}", new VersionNote(SaveReason.RESTORE, "alice", "job-1"));
    assertEquals(new UnheldWriteOutcome.Written(KEY, 2), written);
    assertEquals("2 restore alice {\"n\":100}", versions().get(2));
    assertTrue(b.read(KEY).orElseThrow().currentLock().isEmpty(), "released again");

    AuditTrail trail = new AuditTrail(nodeB.entityManagerFactory());
    for (String target : List.of("PlayerData/Player_versions", "PlayerData/Player_versions@1",
        "PlayerData/Player_versionsX", "PlayerData/PlayerXversions@1")) {
      trail.append("alice", "edit", target, "ok", null);
    }
    assertEquals(new UnheldWriteOutcome.Erased(KEY),
        b.writeUnheld(KEY, "node-b", PROCESS, RECENT, STALE, false, null, VersionNote.of(SaveReason.EDIT, "alice")));
    assertTrue(b.read(KEY).isEmpty());
    assertEquals(List.of(), versions());
    assertEquals(List.of(), usersIndexed());
    String hash = OneWayHash.of("PlayerData/Player_versions");
    assertEquals(List.of(hash, hash, "PlayerData/PlayerXversions@1", "PlayerData/Player_versionsX"),
        auditTargets(), "earlier entries about the erased record name it by its hash; others are untouched");
  }

  private List<String> auditTargets() throws SQLException {
    try (Connection c = nodeA.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT target FROM dm_audit ORDER BY target DESC")) {
      List<String> targets = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          targets.add(r.getString(1));
        }
      }
      targets.sort(java.util.Comparator.comparing((String t) -> !t.startsWith("sha256:")).thenComparing(t -> t));
      return targets;
    }
  }

  private CommitRequest request(long generation, long change, String data, SaveReason reason, List<String> users) {
    return new CommitRequest(KEY, "node-a", generation, change, data, VersionNote.of(reason, "node-a"), users);
  }

  private List<String> versions() throws SQLException {
    return rows("SELECT version_no, reason, saved_by, data FROM dm_record_version WHERE store_name = ?"
        + " AND record_key = ? ORDER BY version_no", 4);
  }

  private List<String> usersIndexed() throws SQLException {
    return rows("SELECT user_id FROM dm_record_user WHERE store_name = ? AND record_key = ? ORDER BY user_id", 1);
  }

  private List<String> rows(String sql, int columns) throws SQLException {
    try (Connection c = nodeA.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, KEY.store());
      s.setString(2, KEY.key());
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
