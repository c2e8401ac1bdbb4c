package dev.datamanager.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.datamanager.persistence.testing.OnBothDatabases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail on both databases: entries are appended at the database's time and read newest first in pages. */
class AuditTrailIT extends OnBothDatabases {

  @Test
  void entriesAreReadNewestFirstInPagesThatNeverOverlap() {
    AuditTrail trail = new AuditTrail(nodeA.entityManagerFactory());
    List<AuditEntry> appended = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      appended.add(trail.append("ops-anna", i % 2 == 0 ? "pin" : "unpin", "PlayerData/P@" + i, "ok",
          i == 0 ? null : "detail " + i));
      pause(); // distinct times: entries of one instant are in no particular order among themselves
    }
    AuditReader reader = new AuditReader(nodeB.entityManagerFactory());
    List<String> walked = new ArrayList<>();
    AuditPosition after = null;
    do {
      AuditPage page = reader.page(new AuditQuery(null, null, null, 2, after));
      page.entries().forEach(e -> walked.add(e.target()));
      after = page.next();
    } while (after != null);
    assertEquals(List.of("PlayerData/P@4", "PlayerData/P@3", "PlayerData/P@2", "PlayerData/P@1", "PlayerData/P@0"),
        walked);

    assertEquals(List.of("PlayerData/P@4", "PlayerData/P@2", "PlayerData/P@0"), targets(reader.page(
        new AuditQuery(null, null, "pin", 50, null))));
    AuditEntry middle = appended.get(2);
    assertEquals(List.of("PlayerData/P@2"), targets(reader.page(
        new AuditQuery(middle.at(), middle.at(), null, 50, null))), "from and to are inclusive");
    AuditEntry first = reader.page(new AuditQuery(null, null, null, 50, null)).entries().get(4);
    assertEquals(List.of("ops-anna", "pin", "ok"), List.of(first.user(), first.action(), first.outcome()));
    assertNull(first.detail());
    assertFalse(reader.page(new AuditQuery(null, null, "erase", 50, null)).entries().iterator().hasNext());
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> targets(AuditPage page) {
    return page.entries().stream().map(AuditEntry::target).toList();
  }
}
