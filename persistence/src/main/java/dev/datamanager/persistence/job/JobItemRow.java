package dev.datamanager.persistence.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One record a job covers, and how the job ended for it. */
@Entity
@Table(name = "DM_JOB_ITEM")
@IdClass(JobItemId.class)
public class JobItemRow {

  /** Pending until the job handled the record; then changed (done), not needing a change (skipped), or failed. */
  public enum State { PENDING, DONE, SKIPPED, FAILED }

  @Id
  @Column(name = "JOB_ID", length = 36)
  private String jobId;

  @Id
  @Column(name = "RECORD_KEY", length = 50)
  private String key;

  @Column(name = "STATE", nullable = false, length = 10)
  private String state;

  @Column(name = "DETAIL", length = 2000)
  private String detail;

  protected JobItemRow() {}

  public String key() {
    return key;
  }

  public State state() {
    return State.valueOf(state);
  }

  /** Why the record could not be changed (failed), or null. */
  public String detail() {
    return detail;
  }

  void end(State outcome, String why) {
    state = outcome.name();
    detail = why == null || why.length() <= 2000 ? why : why.substring(0, 2000);
  }
}
