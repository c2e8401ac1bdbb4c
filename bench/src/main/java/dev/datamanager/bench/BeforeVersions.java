package dev.datamanager.bench;

import java.util.Locale;

/**
 * A line's figures before every committed write kept a version (commit 1ee2126): DataManager and its baseline as
 * BENCHMARKS.md gave them for the short-mode run of 2026-11-25, so a run prints them beside its own.
 */
record BeforeVersions(double figure, double baseline, String unit) {

  static final String SOURCE = "BENCHMARKS.md, short-mode run of 2026-11-25 on a quiet machine, before versions";

  /** 3. Autosave: commitBatch vs JDBC batch UPDATE. */
  static final BeforeVersions AUTOSAVE = new BeforeVersions(3_065, 9_838, "rows/s");

  /** 4. Join: acquire + reconcile vs JDBC FOR UPDATE + UPDATE. */
  static final BeforeVersions JOIN = new BeforeVersions(598, 2_545, "joins/s");

  double ratio() {
    return figure / baseline;
  }

  String render() {
    return String.format(Locale.ROOT, "%s / %s %s = %.3f", ResultTable.number(figure), ResultTable.number(baseline),
        unit, ratio());
  }
}
