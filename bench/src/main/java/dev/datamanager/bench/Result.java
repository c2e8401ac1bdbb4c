package dev.datamanager.bench;

/**
 * One line of the table: DataManager's figure beside its baseline's, their ratio and the target it is judged by.
 *
 * @param before the line's figures before versions were kept, or null where there are none
 */
public record Result(String name, double figure, double baseline, String unit, Target target, String detail,
    BeforeVersions before) {

  public Result(String name, double figure, double baseline, String unit, Target target, String detail) {
    this(name, figure, baseline, unit, target, detail, null);
  }

  public double ratio() {
    return figure / baseline;
  }

  public boolean pass() {
    return target.met(figure, ratio());
  }
}
