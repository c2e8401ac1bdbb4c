package dev.datamanager.client;

/**
 * The node holds no session for the record: {@code 404 session-not-held}, or {@code 409 not-held-here} for a party
 * of a trade. Join it first.
 */
public class SessionNotHeld extends DataManagerProblem {

  private static final long serialVersionUID = 1L;

  SessionNotHeld(Problem problem) {
    super(problem);
  }
}
