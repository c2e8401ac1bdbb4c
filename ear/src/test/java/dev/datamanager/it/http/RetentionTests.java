package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.session.SessionView;
import dev.datamanager.api.version.VersionSummary;
import dev.datamanager.it.node.Await;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention on a node that keeps versions one second and at least two per record, pruning every second and
 * autosaving (renewing leases) every second: pruning leaves exactly the newest two and the pinned ones, and lease
 * renewals write no version.
 */
abstract class RetentionTests extends OneNodePerClass {

  static final String STORE = "PlayerData";

  RetentionTests(NodeDatabase database) {
    super("retention", database);
  }

  @Override
  Map<String, String> nodeEnvironment() {
    return Map.of("DATAMANAGER_VERSIONS_KEEP", "PT1S", "DATAMANAGER_VERSIONS_MIN", "2",
        "DATAMANAGER_VERSIONS_PRUNE_INTERVAL", "PT1S", "DATAMANAGER_AUTOSAVE_INTERVAL", "PT1S");
  }

  /** The version numbers stored for {@code key}, oldest first; the API's list unless the database can be read. */
  List<Long> stored(String key) {
    return listed(key);
  }

  @Test
  void pruningLeavesExactlyTheNewestMinAndThePinnedVersion() {
    String key = "Keep_1";
    node.sessions().join(STORE, key);
    node.sessions().save(STORE, key);
    // Version 1 is among the newest two until version 3 is written, so it is pinned before it could be pruned.
    assertEquals(200, node.send(node.request(pinPath(key, 1), node.admin).PUT(HttpRequest.BodyPublishers.noBody())
        .build()).statusCode());
    for (int i = 0; i < 3; i++) {
      node.sessions().save(STORE, key);
    }
    awaitListed(key, List.of(1L, 3L, 4L), "versions 0 and 2 pruned");
    assertEquals(List.of(1L, 3L, 4L), stored(key), "in the database: the newest two and the pinned one");
    sleepThroughPrunePasses();
    assertEquals(List.of(1L, 3L, 4L), stored(key), "later passes prune no further");

    assertEquals(204, node.send(node.request(pinPath(key, 1), node.admin).DELETE().build()).statusCode());
    awaitListed(key, List.of(3L, 4L), "unpinned version 1 pruned");
    assertEquals(List.of(3L, 4L), stored(key));
    assertTrue(pruned() >= 3, "versions_pruned counts what was deleted: " + pruned());
  }

  @Test
  void theServerReportsTheRetentionInForce() {
    Map<String, String> settings = node.server().describe().settings();
    assertEquals(List.of("PT1S", "2", "PT24H", "PT1S", "1000"), List.of(settings.get("datamanager.versions.keep"),
        settings.get("datamanager.versions.min"), settings.get("datamanager.versions.thin-after"),
        settings.get("datamanager.versions.prune-interval"), settings.get("datamanager.versions.prune-batch")));
  }

  @Test
  void leaseRenewalsAndALeaveOfAnUnchangedSessionWriteNoVersion() {
    String key = "Renew_1";
    SessionView joined = node.sessions().join(STORE, key);
    List<Instant> leases = new ArrayList<>(List.of(joined.lock().leaseRenewedAt()));
    Await.until(Duration.ofSeconds(60), "two lease renewals", () -> {
      Instant lease = node.records().get(STORE, key).lock().leaseRenewedAt();
      if (!lease.equals(leases.get(leases.size() - 1))) {
        leases.add(lease);
      }
      return leases.size() >= 3;
    });
    assertEquals(List.of(0L), stored(key), "renewals wrote no version");
    assertEquals(204, node.send(node.request("/api/v1/stores/PlayerData/sessions/" + key, node.game).DELETE()
        .build()).statusCode());
    assertEquals(List.of(0L), stored(key), "an unchanged leave wrote no version");
    assertEquals(0, node.records().get(STORE, key).version());
  }

  /** Waits for pruning to leave {@code expected}; on timeout, shows what it left instead. */
  private void awaitListed(String key, List<Long> expected, String what) {
    try {
      Await.until(Duration.ofSeconds(60), what, () -> listed(key).equals(expected));
    } catch (AssertionError timedOut) {
      assertEquals(expected, listed(key), what);
      throw timedOut;
    }
  }

  private List<Long> listed(String key) {
    return node.versions().list(STORE, key, null, null, "asc", null, null).versions().stream()
        .map(VersionSummary::version).toList();
  }

  private long pruned() {
    return node.process.get("/metrics").body().lines()
        .filter(line -> line.startsWith("datamanager_versions_pruned_total"))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static String pinPath(String key, long version) {
    return "/api/v1/stores/PlayerData/records/" + key + "/versions/" + version + "/pin";
  }

  static void sleepThroughPrunePasses() {
    try {
      Thread.sleep(3_000); // three passes at PT1S
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
