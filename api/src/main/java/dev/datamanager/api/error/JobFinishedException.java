package dev.datamanager.api.error;

/** The job has already finished (done, cancelled or failed), so it cannot be cancelled any more. */
public class JobFinishedException extends DataManagerException {

  public JobFinishedException(String id, String state) {
    super("Job " + id + " has already finished: it is " + state + ". Records it changed stay changed.");
  }
}
