package dev.datamanager.persistence.job;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link JobItemRow}: the job and the record's key. */
public class JobItemId implements Serializable {

  private static final long serialVersionUID = 1L;

  private String jobId;
  private String key;

  public JobItemId() {}

  JobItemId(String jobId, String key) {
    this.jobId = jobId;
    this.key = key;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JobItemId id && jobId.equals(id.jobId) && key.equals(id.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, key);
  }
}
