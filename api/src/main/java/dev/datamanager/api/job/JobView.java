package dev.datamanager.api.job;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * A job and its progress: {@code total} records when it started, of which {@code done} were changed, {@code skipped}
 * needed no change and {@code failed} could not be changed ({@code errors}: the first 100). {@code finishedAt} is
 * null while it runs.
 */
@JsonbNillable
public record JobView(String id, String kind, String store, String state, long total, long done, long skipped,
    long failed, List<JobError> errors, Instant startedAt, Instant finishedAt) {

  /** The states of a job, as {@code state} names them. */
  public static final String RUNNING = "running";
  public static final String DONE = "done";
  public static final String CANCELLED = "cancelled";
  public static final String FAILED = "failed";

  public JobView {
    errors = List.copyOf(errors);
  }
}
