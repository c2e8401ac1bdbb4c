package dev.datamanager.web.error;

import dev.datamanager.api.error.JobNotFoundException;
import jakarta.ws.rs.ext.Provider;

/** No job has the id asked for. */
@Provider
public class JobNotFoundMapper extends ProblemMapper<JobNotFoundException> {

  public JobNotFoundMapper() {
    super(404, "job-not-found", "No such job");
  }
}
