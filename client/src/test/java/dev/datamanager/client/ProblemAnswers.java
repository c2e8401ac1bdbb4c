package dev.datamanager.client;

import java.time.Instant;

/** Problems as a node answers them, for tests. */
final class ProblemAnswers {

  static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

  private ProblemAnswers() {}

  /** The problem+json body a node sends for {@code kind}, about PlayerData/Player_1. */
  static String body(int status, String kind, boolean retryable) {
    return "{\"type\":\"urn:datamanager:problem:" + kind + "\",\"title\":\"Title of " + kind + "\",\"status\":"
        + status + ",\"detail\":\"Detail of " + kind + "\",\"retryable\":" + retryable
        + ",\"store\":\"PlayerData\",\"key\":\"Player_1\"}";
  }

  /** The exception the client throws for that answer, with {@code Retry-After} (null: none). */
  static DataManagerProblem problem(int status, String kind, String retryAfter) {
    return problem(status, kind, retryAfter, null);
  }

  static DataManagerProblem problem(int status, String kind, String retryAfter, String idempotencyKey) {
    boolean retryable = status == 503 || "session-refused".equals(kind);
    return Problem.read(status, null, body(status, kind, retryable), retryAfter, idempotencyKey, NOW).exception();
  }
}
