package dev.datamanager.core.job;

import dev.datamanager.persistence.job.JobItemRow;

/**
 * How one record went: changed, skipped, failed (with why), or not yet (the record is busy or the database did not
 * answer; the item stays pending and is tried again later).
 */
record StepOutcome(JobItemRow.State state, String detail) {

  static final StepOutcome DONE = new StepOutcome(JobItemRow.State.DONE, null);
  static final StepOutcome SKIPPED = new StepOutcome(JobItemRow.State.SKIPPED, null);

  static StepOutcome failed(String detail) {
    return new StepOutcome(JobItemRow.State.FAILED, detail);
  }

  static StepOutcome later(String detail) {
    return new StepOutcome(JobItemRow.State.PENDING, detail);
  }

  boolean later() {
    return state == JobItemRow.State.PENDING;
  }
}
