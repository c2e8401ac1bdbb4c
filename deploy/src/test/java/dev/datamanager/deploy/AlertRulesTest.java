package dev.datamanager.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The alert rules load in Prometheus, and promtool's unit tests show each alert firing when it should, only then. */
class AlertRulesTest {

  private static final Path PROMETHEUS = Path.of(System.getProperty("basedir", ".")).resolve("prometheus");
  private static final Path RULES = PROMETHEUS.resolve("datamanager-alerts.yml");
  private static final Path RULE_TESTS = PROMETHEUS.resolve("datamanager-alerts-test.yml");
  private static final Duration PROMTOOL_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void rulesAreValid() throws Exception {
    runPromtool("check", "rules", RULES.getFileName().toString());
  }

  @Test
  void everyAlertFiresWhenItShouldAndStaysQuietOtherwise() throws Exception {
    runPromtool("test", "rules", RULE_TESTS.getFileName().toString());
  }

  // promtool cannot say that an alert has no test at all, or only a firing one: a new alert must bring both.
  @Test
  void everyAlertHasAFiringAndAQuietTestCase() {
    JsonNode tests = new YAMLMapper().readTree(RULE_TESTS.toFile());
    for (JsonNode alert : alerts()) {
      String name = alert.path("alert").asString("");
      boolean fires = false;
      boolean quiet = false;
      for (JsonNode test : tests.path("tests")) {
        for (JsonNode check : test.path("alert_rule_test")) {
          if (name.equals(check.path("alertname").asString(""))) {
            boolean expectsAlerts = check.path("exp_alerts").size() > 0;
            fires |= expectsAlerts;
            quiet |= !expectsAlerts;
          }
        }
      }
      assertTrue(fires, name + " has no test case in which it fires");
      assertTrue(quiet, name + " has no test case in which it must not fire");
    }
  }

  @Test
  void everyAlertSaysHowUrgentItIsAndWhatToDo() {
    for (JsonNode alert : alerts()) {
      String name = alert.path("alert").asString("");
      assertFalse(alert.path("for").asString("").isBlank(), name + " needs a for: (0m for at once)");
      assertTrue(Set.of("critical", "warning").contains(alert.path("labels").path("severity").asString("")),
          name + " needs severity critical or warning");
      assertFalse(alert.path("annotations").path("summary").asString("").isBlank(), name + " needs a summary");
      assertFalse(alert.path("annotations").path("description").asString("").isBlank(), name + " needs a description");
    }
  }

  /** The alerting rules of the rules file (recording rules, if any ever come, are left out). */
  static List<JsonNode> alerts() {
    JsonNode rules = new YAMLMapper().readTree(RULES.toFile());
    List<JsonNode> alerts = new ArrayList<>();
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.hasNonNull("alert")) {
          alerts.add(rule);
        }
      }
    }
    assertFalse(alerts.isEmpty(), "no alert found in " + RULES);
    return alerts;
  }

  private static void runPromtool(String... arguments) throws IOException, InterruptedException {
    Path promtool = promtoolOnPath();
    List<String> command = new ArrayList<>();
    command.add(promtool.toString());
    command.addAll(List.of(arguments));
    // Into a file, not a pipe: a pipe nobody drains could block promtool and turn a failure into a timeout.
    Path output = Files.createTempFile("promtool", ".log");
    try {
      Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!process.waitFor(PROMTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        fail(String.join(" ", command) + " did not finish within " + PROMTOOL_TIMEOUT + ":\n" + read(output));
      }
      assertEquals(0, process.exitValue(),
          () -> String.join(" ", command) + " (in " + PROMETHEUS + ") failed:\n" + read(output));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  // Never skipped: a build without promtool would pass with alerts nobody checked.
  private static Path promtoolOnPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isBlank()) {
        Path candidate = Path.of(directory, "promtool");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return fail("promtool is not on the PATH (" + path + "): install it with `apt-get install prometheus`"
        + " (Debian's package brings promtool; .ci/run installs it when missing)");
  }

  private static String read(Path output) {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(promtool's output could not be read: " + e + ")";
    }
  }
}
