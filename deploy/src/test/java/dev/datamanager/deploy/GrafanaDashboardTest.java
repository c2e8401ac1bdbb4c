package dev.datamanager.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The dashboard reads only metrics a node exposes, and shows every metric an alert watches. */
class GrafanaDashboardTest {

  private static final Path DASHBOARD =
      Path.of(System.getProperty("basedir", ".")).resolve("grafana").resolve("datamanager-dashboard.json");

  /** What a node exposes at /metrics (MicroProfile Metrics, Prometheus text), and Prometheus's own {@code up}. */
  private static final Set<String> METRICS = Set.of(
      "up",
      "datamanager_joins_total",
      "datamanager_locks_lost_total",
      "datamanager_database_errors_total",
      "datamanager_write_budget_waits_total",
      "datamanager_commits_total",
      "datamanager_trades_total",
      "datamanager_documents_refused_total",
      "datamanager_messages_sent_total",
      "datamanager_lease_unsafe_total",
      "datamanager_sessions_held",
      "datamanager_sessions_dirty",
      "datamanager_jobs_running",
      "datamanager_messages_pending",
      "datamanager_autosave_lag_seconds",
      "datamanager_autosave_interval_seconds",
      "datamanager_locks_of_gone_nodes",
      "datamanager_draining",
      "datamanager_autosave_cycle_seconds",
      "datamanager_autosave_cycle_seconds_count",
      "datamanager_autosave_cycle_seconds_sum",
      "datamanager_autosave_cycle_seconds_max");

  /** A metric name in PromQL: ours, or {@code up}; not a piece of a longer word nor a quoted label value. */
  private static final Pattern METRIC = Pattern.compile("(?<![\\w:\"])(datamanager_\\w+|up)(?![\\w:\"])");

  private static final String DATA_SOURCE = "${DS_PROMETHEUS}";

  private static JsonNode dashboard;
  private static List<JsonNode> panels;

  @BeforeAll
  static void readDashboard() {
    dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    panels = new ArrayList<>();
    collectPanels(dashboard.path("panels"), panels);
    assertFalse(panels.isEmpty(), "no panel in " + DASHBOARD);
  }

  @Test
  void everyPanelHasATitleAndAQuery() {
    for (JsonNode panel : panels) {
      String title = panel.path("title").asString("");
      assertFalse(title.isBlank(), "a panel without a title: " + panel.path("id"));
      assertTrue(panel.path("targets").size() > 0, title + " has no target");
      for (JsonNode target : panel.path("targets")) {
        assertFalse(target.path("expr").asString("").isBlank(), title + " has a target without an expression");
      }
    }
  }

  @Test
  void everyQueryReadsOnlyMetricsANodeExposes() {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        Set<String> unknown = metricsIn(target.path("expr").asString(""));
        unknown.removeAll(METRICS);
        assertEquals(Set.of(), unknown, panel.path("title").asString("") + " reads metrics no node exposes");
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      Set<String> unknown = metricsIn(variable.path("definition").asString(""));
      unknown.removeAll(METRICS);
      assertEquals(Set.of(), unknown, "variable " + variable.path("name").asString("") + " reads unknown metrics");
    }
  }

  @Test
  void everyAlertWatchesAKnownMetricThatTheDashboardShows() {
    Set<String> shown = new TreeSet<>();
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        shown.addAll(metricsIn(target.path("expr").asString("")));
      }
    }
    for (JsonNode alert : AlertRulesTest.alerts()) {
      String name = alert.path("alert").asString("");
      Set<String> watched = metricsIn(alert.path("expr").asString(""));
      assertFalse(watched.isEmpty(), name + " watches no metric this test knows");
      Set<String> unknown = new TreeSet<>(watched);
      unknown.removeAll(METRICS);
      assertEquals(Set.of(), unknown, name + " watches metrics no node exposes");
      Set<String> missing = new TreeSet<>(watched);
      missing.removeAll(shown);
      assertEquals(Set.of(), missing, name + " watches metrics no panel shows");
    }
  }

  // Exported with a fixed data source uid, the dashboard would only work in the Grafana it came from.
  @Test
  void panelsQueryTheChosenPrometheusOfTheNodeSelection() {
    Set<String> variables = new TreeSet<>();
    dashboard.path("templating").path("list").forEach(variable -> variables.add(variable.path("name").asString("")));
    assertTrue(variables.containsAll(Set.of("DS_PROMETHEUS", "instance")), "variables: " + variables);
    for (JsonNode panel : panels) {
      String title = panel.path("title").asString("");
      assertEquals(DATA_SOURCE, panel.path("datasource").path("uid").asString(""), title + "'s data source");
      for (JsonNode target : panel.path("targets")) {
        assertEquals(DATA_SOURCE, target.path("datasource").path("uid").asString(""), title + "'s target data source");
      }
    }
  }

  /** The panels that query, also those inside rows; rows themselves only group. */
  private static void collectPanels(JsonNode list, List<JsonNode> into) {
    for (JsonNode panel : list) {
      if ("row".equals(panel.path("type").asString(""))) {
        collectPanels(panel.path("panels"), into);
      } else {
        into.add(panel);
      }
    }
  }

  private static Set<String> metricsIn(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = METRIC.matcher(expression);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
