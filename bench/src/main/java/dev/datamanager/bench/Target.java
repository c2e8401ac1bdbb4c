package dev.datamanager.bench;

import java.util.Locale;

/** What a benchmark line must reach: a bound on the ratio to its baseline, or on the figure itself. */
public record Target(Kind kind, double bound, String label) {

  /** Which number the bound applies to, and from which side. */
  public enum Kind { RATIO_AT_LEAST, RATIO_AT_MOST, FIGURE_AT_MOST, FIGURE_BELOW, REPORT }

  public static Target ratioAtLeast(double bound) {
    return new Target(Kind.RATIO_AT_LEAST, bound, String.format(Locale.ROOT, "ratio >= %.2f", bound));
  }

  /** A lower bound on the ratio taken from another figure; {@code source} says which. */
  public static Target ratioAtLeast(double bound, String source) {
    return new Target(Kind.RATIO_AT_LEAST, bound, String.format(Locale.ROOT, "ratio >= %.3f (%s)", bound, source));
  }

  public static Target ratioAtMost(double bound) {
    return new Target(Kind.RATIO_AT_MOST, bound, String.format(Locale.ROOT, "ratio <= %s", bound));
  }

  public static Target figureAtMost(double bound, String unit) {
    return new Target(Kind.FIGURE_AT_MOST, bound, String.format(Locale.ROOT, "<= %s %s", bound, unit));
  }

  public static Target figureBelow(double bound, String unit) {
    return new Target(Kind.FIGURE_BELOW, bound, String.format(Locale.ROOT, "< %.1f %s", bound, unit));
  }

  /** No bound: the line is reported beside its baseline and always passes. */
  public static Target report() {
    return new Target(Kind.REPORT, Double.NaN, "report only");
  }

  public boolean reportOnly() {
    return kind == Kind.REPORT;
  }

  public boolean met(double figure, double ratio) {
    return switch (kind) {
      case RATIO_AT_LEAST -> ratio >= bound;
      case RATIO_AT_MOST -> ratio <= bound;
      case FIGURE_AT_MOST -> figure <= bound;
      case FIGURE_BELOW -> figure < bound;
      case REPORT -> true;
    };
  }
}
