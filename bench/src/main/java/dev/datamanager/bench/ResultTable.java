package dev.datamanager.bench;

import java.util.List;
import java.util.Locale;

/** Prints the results as a Markdown table, one line per figure, and the details below it. */
final class ResultTable {

  private ResultTable() {}

  static String render(List<Result> results, String heading) {
    StringBuilder out = new StringBuilder(heading).append("\n\n")
        .append("| benchmark | DataManager | baseline | ratio | target | result | before versions |\n")
        .append("|---|---:|---:|---:|---|---|---:|\n");
    for (Result r : results) {
      out.append(String.format(Locale.ROOT, "| %s | %s %s | %s %s | %.3f | %s | %s | %s |%n", r.name(),
          number(r.figure()), r.unit(), number(r.baseline()), r.unit(), r.ratio(), r.target().label(),
          r.target().reportOnly() ? "report" : r.pass() ? "pass" : "MISS", r.before() == null ? "" : r.before().render()));
    }
    out.append('\n');
    if (results.stream().anyMatch(r -> r.before() != null)) {
      out.append("Before versions (DataManager / baseline = ratio, not measured in this run): ")
          .append(BeforeVersions.SOURCE).append(".\n\n");
    }
    for (Result r : results) {
      out.append("- ").append(r.name()).append(": ").append(r.detail()).append('\n');
    }
    return out.toString();
  }

  static String number(double value) {
    return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
  }
}
