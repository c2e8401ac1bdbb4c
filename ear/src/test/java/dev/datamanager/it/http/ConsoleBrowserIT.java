package dev.datamanager.it.http;

import static dev.datamanager.it.http.Problems.assertProblem;
import static dev.datamanager.it.http.Problems.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.session.SessionView;
import dev.datamanager.api.version.VersionSummary;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console at {@code /admin}, driven in a real headless Chromium against a real node: what an operator does
 * (find, edit, diff, restore, message, erase, jobs, cluster, audit) checked through the HTTP API, what support and
 * game-server users may not do, refused changes from other origins, and an axe-core scan of every page.
 */
class ConsoleBrowserIT extends OneNodePerClass {

  private static final String STORE = "Console";
  /** Held records of the job that is cancelled: several seconds of work at the paced rate. */
  private static final int JOB_RECORDS = 400;

  ConsoleBrowserIT() {
    super("console", NodeDatabase.DERBY);
  }

  @Override
  Map<String, String> nodeEnvironment() {
    // The write budget paces jobs over held records (about 75 records/s), so one runs long enough to be cancelled.
    return Map.of("DATAMANAGER_TEMPLATES_DIR", templates().toString(), "DATAMANAGER_WRITE_BUDGET", "600",
        "DATAMANAGER_JOBS_POLL", "PT0.5S", "DATAMANAGER_JOBS_HEARTBEAT", "PT1S");
  }

  private static Path templates() {
    try {
      return Path.of(ConsoleBrowserIT.class.getResource("/console-templates").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anAdminEditsAHeldRecordWatchesItsVersionsGrowComparesRestoresAndMessagesIt() {
    String key = "Player_1";
    node.sessions().join(STORE, key);
    patchAndSave(key, "{\"coins\":10,\"title\":\"rookie\"}");
    patchAndSave(key, "{\"coins\":20}");
    try (ConsoleBrowser browser = ConsoleBrowser.signedInAs(node, node.admin)) {
      browser.open("#/records", "Records");
      browser.type("Store", STORE);
      browser.type("Key", key);
      browser.click("Open record");
      browser.await("the record", d -> d.findElements(By.id("record-version")).size() == 1);
      assertTrue(browser.text().contains("held by console-derby"), "the lock shows its owner: " + browser.text());
      int versionsBefore = versionRows(browser).size();
      assertEquals(3, versionsBefore, "create and two saves");
      browser.screenshot("records");
      assertNoSeriousViolations(browser, "records");

      browser.type("Patch", "{\"coins\":500}");
      browser.click("Apply edit");
      browser.awaitStatus("Edited");
      browser.await("a fourth version", d -> versionRows(browser).size() == versionsBefore + 1);
      assertEquals(500, heldData(key).getInt("coins"), "the owner applied the edit to the held session");
      assertEquals("edit", latestVersion(key).reason());

      // The two newest: version 2 (the save of coins 20) and 3 (the edit to 500); version 0 is the creation.
      List<WebElement> rows = versionRows(browser);
      rows.get(0).findElement(By.cssSelector("input[type=checkbox]")).click();
      rows.get(1).findElement(By.cssSelector("input[type=checkbox]")).click();
      browser.click("Compare selected");
      WebElement diff = browser.await("the comparison", d -> d.findElements(By.id("diff-title")).stream()
          .findFirst().map(title -> title.findElement(By.xpath("./.."))).orElse(null));
      assertTrue(diff.getText().contains("Version 2 → version 3"), diff.getText());
      assertTrue(diff.getText().contains("/coins changed 20 500"), diff.getText());
      assertFalse(diff.getText().contains("/title"), "an unchanged field is not listed: " + diff.getText());
      browser.screenshot("diff");
      assertNoSeriousViolations(browser, "diff");

      // Restore version 2 (coins 20) over the held session.
      versionRows(browser).get(1).findElement(By.xpath(".//button[normalize-space()='Restore']")).click();
      browser.confirm("Restore", null);
      browser.awaitStatus("Restored version 2");
      browser.await("a fifth version", d -> versionRows(browser).size() == versionsBefore + 2);
      assertEquals(20, heldData(key).getInt("coins"), "the held session has the restored data");
      assertEquals("restore", latestVersion(key).reason());

      browser.type("Message (JSON object)", "{\"gift\":\"sword\"}");
      browser.click("Send message");
      browser.awaitStatus("sent to " + key);
      SessionView held = node.sessions().get(STORE, key);
      assertTrue(held.messages().stream().anyMatch(m -> "sword".equals(m.body().getString("gift", null))),
          "the held session shows the message: " + held.messages());
      browser.await("the pending message listed", d -> d.findElement(By.tagName("main")).getText()
          .contains("{\"gift\":\"sword\"}"));
    }
  }

  @Test
  void anAdminErasesARecordAfterTypingItsKey() {
    String key = "Erase_me";
    node.sessions().join(STORE, key);
    patchAndSave(key, "{\"coins\":3}");
    node.sessions().leave(STORE, key);
    try (ConsoleBrowser browser = ConsoleBrowser.signedInAs(node, node.admin)) {
      browser.open("#/records/" + STORE + "/" + key, "Records");
      browser.await("the record", d -> d.findElements(By.id("record-version")).size() == 1);
      browser.click("Erase record…");
      browser.await("the erase dialog", d -> d.findElements(By.cssSelector("dialog[open]")).size() == 1);
      assertFalse(browser.driver.findElement(By.xpath("//dialog//button[normalize-space()='Erase for good']"))
          .isEnabled(), "nothing is erased before the key is typed");
      browser.screenshot("erase-dialog");
      assertNoSeriousViolations(browser, "erase-dialog");
      browser.confirm("Erase for good", key);
      browser.awaitStatus(key + " is erased");
      assertEquals(404, node.send(node.request("/api/v1/stores/" + STORE + "/records/" + key, node.admin).GET()
          .build()).statusCode());
    }
  }

  @Test
  void anAdminPreviewsStartsWatchesAndCancelsAJob() throws Exception {
    String store = "ConsoleJobs";
    node.joinMany(store, "J", JOB_RECORDS);
    try (ConsoleBrowser browser = ConsoleBrowser.signedInAs(node, node.admin)) {
      browser.open("#/jobs", "Jobs");
      browser.type("Store", store);
      new org.openqa.selenium.support.ui.Select(browser.field("Kind")).selectByValue("restore");
      browser.click("Preview (dry run)");
      browser.awaitStatus("The dry run found");
      assertEquals(100, browser.driver.findElements(By.cssSelector("ul.matches li")).size(),
          "the dry run lists the first 100 records: " + browser.status());
      browser.click("Start job");
      browser.confirm("Start job", null);
      String started = browser.awaitStatus("started over " + JOB_RECORDS);
      String id = started.substring("Job ".length(), started.indexOf(' ', "Job ".length()));
      By cancel = By.cssSelector("button[aria-label='Cancel job " + id + "']");
      browser.await("the running job's cancel button", d -> !d.findElements(cancel).isEmpty());
      browser.screenshot("jobs");
      assertNoSeriousViolations(browser, "jobs");
      browser.clickWhenThere("the cancel button", cancel);
      browser.awaitStatus("Cancel asked for job " + id);
      browser.await("the job to show cancelled", d -> d.findElements(
          By.cssSelector("[data-job='" + id + "']")).stream().anyMatch(e -> e.getText().equals("cancelled")));
      JsonObject job = new JobCalls(node).job(id);
      assertEquals("cancelled", job.getString("state"), job.toString());
      int handled = job.getInt("done") + job.getInt("skipped") + job.getInt("failed");
      assertTrue(handled < JOB_RECORDS, "stopped part-way: " + job);
    }
  }

  @Test
  void theClusterPageListsTheNodeAndTheAuditPageFiltersByAction() {
    String key = "Audited";
    node.sessions().join(STORE, key);
    HttpResponse<String> edit = node.send(node.request("/api/v1/stores/" + STORE + "/records/" + key, node.admin)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coins\":1}")).build());
    assertEquals(200, edit.statusCode(), edit.body());
    try (ConsoleBrowser browser = ConsoleBrowser.signedInAs(node, node.admin)) {
      browser.open("#/cluster", "Cluster");
      WebElement nodes = browser.await("the node list", d -> d.findElements(By.cssSelector("main table")).stream()
          .findFirst().orElse(null));
      assertTrue(nodes.getText().contains("console-derby"), nodes.getText());
      assertTrue(browser.text().contains("This page is served by console-derby"), browser.text());
      browser.screenshot("cluster");
      assertNoSeriousViolations(browser, "cluster");

      browser.open("#/audit", "Audit trail");
      new org.openqa.selenium.support.ui.Select(browser.field("Action")).selectByValue("edit");
      browser.click("Show entries");
      String entries = browser.await("edit entries only", d -> d.findElements(By.cssSelector("main table tbody"))
          .stream().findFirst().filter(body -> body.findElements(By.tagName("tr")).stream()
              .allMatch(row -> row.getText().contains(" edit "))).map(WebElement::getText).orElse(null));
      assertTrue(entries.contains(node.admin.user() + " edit"), entries);
      assertTrue(entries.contains(STORE + "/" + key), entries);
      browser.screenshot("audit");
      assertNoSeriousViolations(browser, "audit");
    }
  }

  @Test
  void aRecordIsFoundWithTheKeyboardAloneAndFocusIsVisible() {
    String key = "Keyboard";
    node.sessions().join(STORE, key);
    try (ConsoleBrowser browser = ConsoleBrowser.signedInAs(node, node.admin)) {
      browser.open("#/records", "Records");
      WebElement storeField = browser.field("Store");
      WebElement keyField = browser.field("Key");
      List<String> visited = new ArrayList<>();
      for (int tab = 0; tab < 20 && !keyField.equals(browser.driver.switchTo().activeElement()); tab++) {
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement focused = browser.driver.switchTo().activeElement();
        visited.add(focused.getTagName() + " " + focused.getText());
        // The console's own focus ring (3 px, solid), not the browser's thin default, which vanishes on dark bars.
        assertEquals("solid 3px", focused.getCssValue("outline-style") + " " + focused.getCssValue("outline-width"),
            "the focus ring on " + visited);
        if (focused.equals(storeField)) {
          focused.sendKeys(Keys.chord(Keys.CONTROL, "a"), STORE);
        }
      }
      assertEquals(keyField, browser.driver.switchTo().activeElement(), "Tab reaches the key field: " + visited);
      keyField.sendKeys(key, Keys.ENTER);
      browser.await("the record opened by Enter", d -> d.findElements(By.id("record-version")).size() == 1);
      assertTrue(browser.text().contains(STORE + " / " + key), browser.text());
    }
  }

  @Test
  void theBrowsersOwnLoginCarriesTheConsolesApiCalls() {
    try (ConsoleBrowser browser = ConsoleBrowser.loggedInThroughTheAddress(node, node.support)) {
      browser.open("#/cluster", "Cluster");
      String nodes = browser.await("the node list, read through the API", d -> d.findElements(
          By.cssSelector("main table")).stream().findFirst().map(WebElement::getText).orElse(null));
      assertTrue(nodes.contains("console-derby"), nodes);
      assertTrue(browser.text().contains("Signed in as " + node.support.user()), browser.text());
    }
  }

  @Test
  void aSupportUserSeesARecordButIsOfferedNoChange() {
    String key = "Support_view";
    node.sessions().join(STORE, key);
    patchAndSave(key, "{\"coins\":5}");
    try (ConsoleBrowser browser = ConsoleBrowser.signedInAs(node, node.support)) {
      browser.open("#/records/" + STORE + "/" + key, "Records");
      browser.await("the record", d -> d.findElements(By.id("record-version")).size() == 1);
      assertTrue(browser.text().contains("read only"), browser.text());
      assertTrue(browser.text().contains("you can see everything and change nothing"), browser.text());
      for (String change : List.of("Apply edit", "Send message", "Restore", "Erase record…")) {
        assertTrue(browser.buttons(change).isEmpty(), "no " + change + " for support");
      }
      assertEquals(2, versionRows(browser).size(), "the versions are shown");
      browser.screenshot("records-support");
      assertNoSeriousViolations(browser, "records-support");
      browser.open("#/jobs", "Jobs");
      assertTrue(browser.buttons("Start job").isEmpty(), "support starts no job");
    }
    // And the API refuses what the console does not offer.
    assertEquals(403, node.send(node.request("/api/v1/stores/" + STORE + "/records/" + key, node.support)
        .header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coins\":1}")).build()).statusCode());
  }

  @Test
  void aGameServerUserGetsTheRefusalPage() {
    try (ConsoleBrowser browser = ConsoleBrowser.signedInAs(node, node.game)) {
      browser.driver.get(node.process.uri("/admin/").toString());
      WebElement heading = browser.driver.findElement(By.tagName("h1"));
      assertEquals("Not allowed", heading.getText());
      browser.screenshot("refused");
      assertNoSeriousViolations(browser, "refused");
    }
    for (String path : List.of("/admin/", "/admin/js/app.js", "/admin/me")) {
      HttpResponse<String> refused = node.send(node.request(path, node.game).GET().build());
      assertEquals(403, refused.statusCode(), path);
    }
    HttpResponse<String> anonymous = node.send(node.request("/admin/").GET().build());
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"DataManager\""),
        "the browser's own login prompt: " + anonymous.headers().map());
  }

  @Test
  void aChangeSentFromAnotherOriginIsRefusedAndChangesNothing() {
    String key = "Forged";
    node.sessions().join(STORE, key);
    patchAndSave(key, "{\"coins\":7}");
    String path = "/api/v1/stores/" + STORE + "/records/" + key;
    long before = latestVersion(key).version();
    List<Map<String, String>> forged = List.of(Map.of("Origin", "https://evil.example"),
        Map.of("Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "same-site"), Map.of("Origin", "null"));
    for (Map<String, String> headers : forged) {
      HttpRequest.Builder request = node.request(path, node.admin)
          .header("Content-Type", "application/merge-patch+json")
          .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coins\":1000000}"));
      headers.forEach(request::header);
      JsonObject problem = assertProblem(403, node.send(request.build()));
      assertEquals("urn:datamanager:problem:cross-origin", problem.getString("type"), headers.toString());
    }
    HttpRequest.Builder erase = node.request(path, node.admin).DELETE();
    erase.header("Origin", "http://localhost:1");
    assertProblem(403, node.send(erase.build()));
    assertEquals(before, latestVersion(key).version(), "no forged change was written");
    assertEquals(7, heldData(key).getInt("coins"));

    // The node's own pages, and scripts (no Origin, no Sec-Fetch-Site), still change things; reads stay open.
    String own = node.process.uri("/").getAuthority();
    for (Map<String, String> headers : List.of(Map.of("Origin", "http://" + own, "Sec-Fetch-Site", "same-origin"),
        Map.<String, String>of())) {
      HttpRequest.Builder request = node.request(path, node.admin)
          .header("Content-Type", "application/merge-patch+json")
          .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"coins\":8}"));
      headers.forEach(request::header);
      HttpResponse<String> answer = node.send(request.build());
      assertEquals(200, answer.statusCode(), headers + " " + answer.body());
    }
    assertEquals(200, node.send(node.request(path, node.admin).header("Sec-Fetch-Site", "cross-site").GET().build())
        .statusCode(), "a read is no forgery");
  }

  private void assertNoSeriousViolations(ConsoleBrowser browser, String page) {
    List<String> violations = browser.seriousAccessibilityViolations(page);
    assertTrue(violations.isEmpty(), page + ": " + String.join("\n", violations));
  }

  private static List<WebElement> versionRows(ConsoleBrowser browser) {
    return browser.driver.findElements(By.cssSelector("section[aria-labelledby='versions-title'] tbody tr"));
  }

  private void patchAndSave(String key, String mergePatch) {
    node.sessions().mergePatch(STORE, key, Json.createReader(new java.io.StringReader(mergePatch)).readValue());
    node.sessions().save(STORE, key);
  }

  private JsonObject heldData(String key) {
    return node.sessions().get(STORE, key).data();
  }

  private VersionSummary latestVersion(String key) {
    return node.versions().list(STORE, key, null, null, "desc", "1", null).versions().get(0);
  }

}
