package dev.datamanager.api.job;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** One page of jobs, newest first; {@code next} is the cursor of the following page, null on the last. */
@JsonbNillable
public record JobList(List<JobView> jobs, String next) {

  public JobList {
    jobs = List.copyOf(jobs);
  }
}
