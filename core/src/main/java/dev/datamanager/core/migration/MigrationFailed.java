package dev.datamanager.core.migration;

/**
 * A step failed on something other than a {@code test} operation (a missing path, a value of the wrong kind): the
 * record must stay as it is, never half migrated, and its join is refused.
 */
public class MigrationFailed extends RuntimeException {

  private final transient MigrationStep step;
  private final int operation;
  private final String detail;

  public MigrationFailed(MigrationStep step, int operation, String detail) {
    super("Migration step " + step.label() + " failed at operation " + operation + ": " + detail);
    this.step = step;
    this.operation = operation;
    this.detail = detail;
  }

  /** What went wrong, in JSON-P's words. */
  public String detail() {
    return detail;
  }

  public MigrationStep step() {
    return step;
  }

  /** The index of the failing operation within the step's patch. */
  public int operation() {
    return operation;
  }
}
