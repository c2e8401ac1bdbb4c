package dev.datamanager.client;

/**
 * {@code 409 session-refused}: another node holds the record and did not hand it over in time. Tell the player "Save
 * in progress, please rejoin"; {@link #retryAfter()} says when the join may succeed at the latest.
 */
public class SessionRefused extends DataManagerProblem {

  private static final long serialVersionUID = 1L;

  SessionRefused(Problem problem) {
    super(problem);
  }
}
