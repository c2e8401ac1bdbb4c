package dev.datamanager.bench;

import java.util.Locale;

/**
 * A line's figures before every committed write kept a version: DataManager and its baseline as BENCHMARKS.md gives
 * them for commit c02d945 (the last before versions) run with this bench code, so a run prints them beside its own.
 */
record BeforeVersions(double figure, double baseline, String unit) {

  static final String SOURCE = "commit c02d945 (the last before versions) with this bench code, 2026-11-26, the run"
      + " of median ratio of 9 (short) or 3 (full) alternating with this branch (BENCHMARKS.md, \"The cost of"
      + " versions\"); the first published figures, by an older method (one cold pass, baseline first), were 3."
      + " 0.312 and 4. 0.235";

  /** 3. Autosave: commitBatch vs JDBC batch UPDATE. */
  static BeforeVersions autosave(BenchMode mode) {
    return isFull(mode) ? new BeforeVersions(3_751, 7_211, "rows/s") : new BeforeVersions(2_948, 7_323, "rows/s");
  }

  /** 4. Join: acquire + reconcile vs JDBC FOR UPDATE + UPDATE. */
  static BeforeVersions join(BenchMode mode) {
    return isFull(mode) ? new BeforeVersions(430, 2_072, "joins/s") : new BeforeVersions(195, 1_212, "joins/s");
  }

  private static boolean isFull(BenchMode mode) {
    return "full".equals(mode.name());
  }

  double ratio() {
    return figure / baseline;
  }

  String render() {
    return String.format(Locale.ROOT, "%s / %s %s = %.3f", ResultTable.number(figure), ResultTable.number(baseline),
        unit, ratio());
  }
}
