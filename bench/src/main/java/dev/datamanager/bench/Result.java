package dev.datamanager.bench;

/** One line of the table: DataManager's figure beside its baseline's, their ratio and the target it is judged by. */
public record Result(String name, double figure, double baseline, String unit, Target target, String detail) {

  public double ratio() {
    return figure / baseline;
  }

  public boolean pass() {
    return target.met(figure, ratio());
  }
}
