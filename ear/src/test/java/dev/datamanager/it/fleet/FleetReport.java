package dev.datamanager.it.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fleet run's figures as Markdown, printed and written to {@code target/fleet-report.md}. */
final class FleetReport {

  private final StringBuilder text = new StringBuilder();

  FleetReport line(String format, Object... args) {
    text.append(String.format(Locale.ROOT, format, args)).append('\n');
    return this;
  }

  FleetReport heading(String title) {
    return line("").line("## %s", title).line("");
  }

  /** Rate, p50, p99, p99.9 and max per operation over {@code seconds}. */
  FleetReport operations(Latencies latencies, double seconds) {
    line("| operation | answers | per s | p50 ms | p99 ms | p99.9 ms | max ms |");
    line("|---|---:|---:|---:|---:|---:|---:|");
    latencies.operations().forEach((operation, samples) -> line("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |",
        operation, samples.count(), samples.count() / seconds, samples.percentileMillis(50),
        samples.percentileMillis(99), samples.percentileMillis(99.9), samples.percentileMillis(100)));
    Latencies.Samples late = latencies.lateness();
    line("").line("Client lateness (event start after its scheduled time; the generator keeping the offered rate):"
        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d events.", late.percentileMillis(50),
        late.percentileMillis(99), late.percentileMillis(100), late.count());
    return this;
  }

  FleetReport statuses(Latencies latencies) {
    line("").line("Answers by operation, status (-1: no answer) and problem kind: %s.", latencies.statuses());
    return this;
  }

  FleetReport database(Map<String, double[]> rates) {
    line("| table | inserts/s | updates/s | deletes/s |");
    line("|---|---:|---:|---:|");
    rates.forEach((table, rate) -> {
      if (rate[0] + rate[1] + rate[2] > 0) {
        line("| %s | %.1f | %.1f | %.1f |", table, rate[0], rate[1], rate[2]);
      }
    });
    return this;
  }

  FleetReport nodes(Map<String, List<NodeSampler.Sample>> samples) {
    line("| node | samples | CPU mean (of machine) | CPU max | heap mean MB | heap max MB |");
    line("|---|---:|---:|---:|---:|---:|");
    samples.forEach((node, list) -> line("| %s | %d | %.0f%% | %.0f%% | %.0f | %.0f |", node, list.size(),
        100 * list.stream().mapToDouble(NodeSampler.Sample::cpu).average().orElse(0),
        100 * list.stream().mapToDouble(NodeSampler.Sample::cpu).max().orElse(0),
        list.stream().mapToDouble(NodeSampler.Sample::heapBytes).average().orElse(0) / 1e6,
        list.stream().mapToDouble(NodeSampler.Sample::heapBytes).max().orElse(0) / 1e6));
    return this;
  }

  FleetReport lag(DatabaseStats.AutosaveLag lag) {
    line("Autosave lag (first acknowledged unsaved update to the autosave version holding it, database clock): %d"
        + " autosaves, p50 %.0f ms, p99 %.0f ms, max %.0f ms. Versions by reason: %s.", lag.sortedMillis().length,
        lag.percentile(50), lag.percentile(99), lag.percentile(100), lag.versionsByReason());
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** Writes the report to {@code target/fleet-report.md}; answers the path. */
  Path write() {
    Path file = Path.of("target", "fleet-report.md");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toAbsolutePath();
  }
}
