package dev.datamanager.client;

/**
 * A {@code 503}: the database does not answer, the lease was not renewed lately, the node drains or stops, or it is
 * overloaded. Nothing changed; thrown once the client's retries ran out. For {@code shutting-down}, join elsewhere.
 */
public class Unavailable extends DataManagerProblem {

  private static final long serialVersionUID = 1L;

  Unavailable(Problem problem) {
    super(problem);
  }
}
