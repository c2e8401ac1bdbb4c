package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static dev.datamanager.it.http.Problems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.audit.AuditEntryView;
import dev.datamanager.api.audit.AuditList;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.api.version.VersionList;
import dev.datamanager.api.version.VersionSummary;
import dev.datamanager.api.version.VersionView;
import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The versions and audit endpoints: every commit of a record is a version (the current one included), listed newest
 * first or oldest first, filtered by inclusive times, paged exactly once through; pins are kept and audited.
 */
abstract class VersionHistoryTests extends OneNodePerClass {

  static final String STORE = "PlayerData";

  VersionHistoryTests(NodeDatabase database) {
    super("versions", database);
  }

  /**
   * Prunes every second with the default retention, so every young version these tests write is kept; min 2 lets
   * thinning reach old autosave versions a test puts in the database itself.
   */
  @Override
  Map<String, String> nodeEnvironment() {
    return Map.of("DATAMANAGER_VERSIONS_PRUNE_INTERVAL", "PT1S", "DATAMANAGER_VERSIONS_MIN", "2");
  }

  @Test
  void everyCommitIsAVersionListedNewestFirstOrOldestFirstAndReadableWithItsData() {
    String key = "History_1";
    List<JsonObject> saved = new ArrayList<>();
    saved.add(node.sessions().join(STORE, key).data());
    node.sessions().mergePatch(STORE, key, json("{\"coins\":1}"));
    saved.add(node.sessions().save(STORE, key).data());
    node.sessions().mergePatch(STORE, key, json("{\"coins\":2,\"gems\":5}"));
    saved.add(node.sessions().save(STORE, key).data());
    saved.add(node.sessions().save(STORE, key).data()); // nothing changed: /save still promises a version
    node.sessions().mergePatch(STORE, key, json("{\"coins\":4}"));
    leave(key);
    saved.add(node.records().get(STORE, key).data());

    VersionList newestFirst = node.versions().list(STORE, key, null, null, null, null, null);
    assertEquals(List.of(4L, 3L, 2L, 1L, 0L), numbers(newestFirst.versions()));
    assertEquals(List.of("leave", "save", "save", "save", "create"),
        newestFirst.versions().stream().map(VersionSummary::reason).toList());
    assertNull(newestFirst.next(), "one page");
    for (int i = 0; i + 1 < newestFirst.versions().size(); i++) {
      assertFalse(newestFirst.versions().get(i).savedAt().isBefore(newestFirst.versions().get(i + 1).savedAt()));
    }
    for (VersionSummary version : newestFirst.versions()) {
      assertEquals(node.process.serverId(), version.savedBy());
      assertTrue(version.bytes() > 0, version::toString);
      assertFalse(version.pinned());
    }
    VersionList oldestFirst = node.versions().list(STORE, key, null, null, "asc", null, null);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), numbers(oldestFirst.versions()));

    for (int n = 0; n < saved.size(); n++) {
      VersionView version = node.versions().get(STORE, key, Integer.toString(n));
      assertEquals(saved.get(n), version.data(), "version " + n + " is what commit " + n + " wrote");
      VersionSummary listed = oldestFirst.versions().get(n);
      assertEquals(List.of(STORE, key, (long) n, listed.savedAt(), listed.savedBy(), listed.reason(), false),
          List.of(version.store(), version.key(), version.version(), version.savedAt(), version.savedBy(),
              version.reason(), version.pinned()));
    }
    assertEquals(4, node.records().get(STORE, key).version(), "the list includes the current version");
  }

  @Test
  void fromAndToAreInclusiveInstantsWithAnyOffset() {
    String key = "History_2";
    node.sessions().join(STORE, key);
    for (int i = 0; i < 4; i++) {
      node.sessions().save(STORE, key);
    }
    List<VersionSummary> all = node.versions().list(STORE, key, null, null, "asc", null, null).versions();
    Instant from = all.get(1).savedAt();
    Instant to = all.get(3).savedAt();
    List<Long> expected = all.stream().filter(v -> !v.savedAt().isBefore(from) && !v.savedAt().isAfter(to))
        .map(VersionSummary::version).toList();
    assertTrue(expected.contains(1L) && expected.contains(3L) && !expected.contains(4L), expected::toString);

    assertEquals(expected, numbers(node.versions().list(STORE, key, from.toString(), to.toString(), "asc", null,
        null).versions()), "the stored savedAt values as bounds: both ends included");
    String fromIndia = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(from.atOffset(ZoneOffset.ofHoursMinutes(5, 30)));
    String toChicago = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(to.atOffset(ZoneOffset.ofHours(-6)));
    assertEquals(expected, numbers(node.versions().list(STORE, key, fromIndia, toChicago, "asc", null, null)
        .versions()), "the same instants with other offsets");
    JsonObject raw = json(get(versionsPath(key) + "?order=asc&from=" + encode(fromIndia) + "&to=" + encode(toChicago),
        node.admin).body());
    assertTrue(raw.getJsonArray("versions").getJsonObject(0).getString("savedAt").endsWith("Z"), "answers use Z");
    assertTrue(raw.isNull("next"), "next is null, not left out, at the end");

    assertEquals(List.of(), node.versions().list(STORE, key, to.plusSeconds(3600).toString(), null, null, null,
        null).versions());
    assertEquals(List.of(), node.versions().list(STORE, key, to.toString(), from.toString(), null, null, null)
        .versions(), "from after to: nothing");
  }

  @Test
  void pagesOfTwoWalkEveryVersionExactlyOnceInEitherOrder() {
    String key = "Paging_1";
    node.sessions().join(STORE, key);
    for (int i = 0; i < 6; i++) {
      node.sessions().save(STORE, key);
    }
    assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L, 0L), walk(key, "desc", 2, List.of(2, 2, 2, 1)));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), walk(key, "asc", 2, List.of(2, 2, 2, 1)));
    assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L, 0L), walk(key, "desc", 7, List.of(7)));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), walk(key, "asc", 6, List.of(6, 1)));

    String cursor = node.versions().list(STORE, key, null, null, "desc", "2", null).next();
    assertProblem(400, get(versionsPath(key) + "?order=asc&limit=2&cursor=" + cursor, node.admin));
    assertProblem(400, get("/api/v1/audit?cursor=" + cursor, node.admin));
  }

  @Test
  void anUnchangedLeaveAndAJoinOfAnExistingRecordWriteNoVersion() {
    String key = "Quiet_1";
    node.sessions().join(STORE, key);
    leave(key);
    node.sessions().join(STORE, key);
    leave(key);
    assertEquals(List.of(0L), numbers(node.versions().list(STORE, key, null, null, null, null, null).versions()));
    assertEquals(0, node.records().get(STORE, key).version());
  }

  @Test
  void pinsAreShownAuditedUnderTheAdminsNameAndUndone() {
    String key = "Pin_1";
    node.sessions().join(STORE, key);
    node.sessions().save(STORE, key);
    node.sessions().save(STORE, key);
    String pin = versionsPath(key) + "/1/pin";

    HttpResponse<String> pinned = node.send(node.request(pin, node.admin).PUT(HttpRequest.BodyPublishers.noBody())
        .build());
    assertEquals(200, pinned.statusCode(), pinned.body());
    assertEquals(1, json(pinned.body()).getInt("version"));
    assertTrue(json(pinned.body()).getBoolean("pinned"));
    assertEquals(List.of(false, true, false), node.versions().list(STORE, key, null, null, null, null, null)
        .versions().stream().map(VersionSummary::pinned).toList());
    assertTrue(node.versions().get(STORE, key, "1").pinned());
    AuditEntryView entry = node.audit().list(null, null, "pin", "1", null).entries().get(0);
    assertEquals(List.of(node.admin.user(), "pin", "PlayerData/Pin_1@1", "ok"),
        List.of(entry.user(), entry.action(), entry.target(), entry.outcome()));

    assertEquals(204, node.send(node.request(pin, node.admin).DELETE().build()).statusCode());
    assertFalse(node.versions().get(STORE, key, "1").pinned());
    entry = node.audit().list(null, null, "unpin", "1", null).entries().get(0);
    assertEquals(List.of(node.admin.user(), "unpin", "PlayerData/Pin_1@1", "ok"),
        List.of(entry.user(), entry.action(), entry.target(), entry.outcome()));
    assertEquals(List.of("unpin"), node.audit().list(entry.at().toString(), entry.at().toString(), null, null, null)
        .entries().stream().filter(e -> e.target().equals("PlayerData/Pin_1@1")).map(AuditEntryView::action)
        .toList(), "from and to are inclusive on the audit trail too");

    assertProblem(404, node.send(node.request(versionsPath(key) + "/9/pin", node.admin)
        .PUT(HttpRequest.BodyPublishers.noBody()).build()));
    assertProblem(404, node.send(node.request(versionsPath(key) + "/9/pin", node.admin).DELETE().build()));
  }

  @Test
  void supportReadsVersionsAndTheAuditTrailButCannotPin() {
    String key = "Support_1";
    node.sessions().join(STORE, key);
    assertEquals(200, get(versionsPath(key), node.support).statusCode());
    assertEquals(200, get(versionsPath(key) + "/0", node.support).statusCode());
    assertEquals(200, get("/api/v1/audit?action=pin", node.support).statusCode());
    assertProblem(403, node.send(node.request(versionsPath(key) + "/0/pin", node.support)
        .PUT(HttpRequest.BodyPublishers.noBody()).build()));
    assertProblem(403, node.send(node.request(versionsPath(key) + "/0/pin", node.support).DELETE().build()));
    assertFalse(node.versions().get(STORE, key, "0").pinned(), "the refused pin changed nothing");
  }

  @Test
  void theAuditTrailPagesNewestFirstExactlyOnce() {
    String key = "Audit_1";
    node.sessions().join(STORE, key);
    String pin = versionsPath(key) + "/0/pin";
    for (int i = 0; i < 3; i++) {
      assertEquals(200, node.send(node.request(pin, node.admin).PUT(HttpRequest.BodyPublishers.noBody()).build())
          .statusCode());
      assertEquals(204, node.send(node.request(pin, node.admin).DELETE().build()).statusCode());
    }
    List<AuditEntryView> whole = node.audit().list(null, null, null, "500", null).entries();
    List<AuditEntryView> walked = new ArrayList<>();
    String cursor = null;
    do {
      AuditList page = node.audit().list(null, null, null, "2", cursor);
      assertTrue(page.entries().size() <= 2);
      walked.addAll(page.entries());
      cursor = page.next();
    } while (cursor != null);
    assertEquals(whole, walked, "pages of two walk the trail exactly once");
    for (int i = 0; i + 1 < walked.size(); i++) {
      assertFalse(walked.get(i).at().isBefore(walked.get(i + 1).at()), "newest first");
    }
    assertEquals(List.of("unpin", "pin", "unpin", "pin", "unpin", "pin"), walked.stream()
        .filter(e -> e.target().equals("PlayerData/Audit_1@0")).map(AuditEntryView::action).toList());
    assertEquals(3, node.audit().list(null, null, "pin", null, null).entries().stream()
        .filter(e -> e.target().equals("PlayerData/Audit_1@0")).count());
  }

  @Test
  void missingRecordsAndVersionsAnswer404() {
    node.sessions().join(STORE, "Kept_1");
    assertEquals("urn:datamanager:problem:record-not-found",
        assertProblem(404, get(versionsPath("Never_1"), node.admin)).getString("type"));
    assertEquals("urn:datamanager:problem:version-not-found",
        assertProblem(404, get(versionsPath("Kept_1") + "/1", node.admin)).getString("type"));
    assertProblem(404, get(versionsPath("Never_1") + "/0", node.admin));
  }

  @Test
  void metricsCountVersionsWrittenAndPruningPasses() {
    long before = Math.max(0, counter("datamanager_versions_written_total"));
    SessionView joined = node.sessions().join(STORE, "Metrics_1");
    node.sessions().save(STORE, "Metrics_1");
    node.sessions().save(STORE, "Metrics_1");
    leave("Metrics_1"); // unchanged: no version
    assertEquals(0, joined.version());
    assertEquals(before + 3, counter("datamanager_versions_written_total"), "creation and two saves");
    Await.until(Duration.ofSeconds(30), "a pruning pass has run",
        () -> counter("datamanager_versions_pruned_total") >= 0);
  }

  /** Walks all pages of {@code limit} in {@code order}, checking the page sizes; the version numbers seen. */
  private List<Long> walk(String key, String order, int limit, List<Integer> sizes) {
    List<Long> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      VersionList page = node.versions().list(STORE, key, null, null, order, Integer.toString(limit), cursor);
      seen.addAll(numbers(page.versions()));
      pageSizes.add(page.versions().size());
      cursor = page.next();
    } while (cursor != null && pageSizes.size() < 20);
    assertEquals(sizes, pageSizes, "page sizes, next null after the last");
    return seen;
  }

  /** The value of a counter on {@code /metrics}, -1 when the node has not registered it yet. */
  long counter(String name) {
    Map<String, Long> values = new HashMap<>();
    node.process.get("/metrics").body().lines().filter(line -> line.startsWith(name + " ")
        || line.startsWith(name + "{")).forEach(line -> values.merge(name,
        (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Long::sum));
    return values.getOrDefault(name, -1L);
  }

  void leave(String key) {
    assertEquals(204, node.send(node.request("/api/v1/stores/PlayerData/sessions/" + key, node.game).DELETE()
        .build()).statusCode());
  }

  HttpResponse<String> get(String path, BasicCredentials user) {
    return node.send(node.request(path, user).build());
  }

  static String versionsPath(String key) {
    return "/api/v1/stores/PlayerData/records/" + key + "/versions";
  }

  static List<Long> numbers(List<VersionSummary> versions) {
    return versions.stream().map(VersionSummary::version).toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
