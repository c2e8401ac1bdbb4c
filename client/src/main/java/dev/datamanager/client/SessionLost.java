package dev.datamanager.client;

/** {@code 409 session-lost}: another node took the record over; this server must drop the player and rejoin. */
public class SessionLost extends DataManagerProblem {

  private static final long serialVersionUID = 1L;

  SessionLost(Problem problem) {
    super(problem);
  }
}
