package dev.datamanager.api.error;

/** No job has this id. */
public class JobNotFoundException extends DataManagerException {

  public JobNotFoundException(String id) {
    super("There is no job " + id + ". GET /api/v1/jobs lists the jobs.");
  }
}
