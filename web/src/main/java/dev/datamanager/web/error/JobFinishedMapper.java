package dev.datamanager.web.error;

import dev.datamanager.api.error.JobFinishedException;
import jakarta.ws.rs.ext.Provider;

/** A cancel of a job that has already finished. */
@Provider
public class JobFinishedMapper extends ProblemMapper<JobFinishedException> {

  public JobFinishedMapper() {
    super(409, "job-finished", "Job already finished");
  }
}
