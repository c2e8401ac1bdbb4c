package dev.datamanager.client;

import static dev.datamanager.client.ProblemAnswers.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the policy repeats, how long it waits, and that it never waits more or tries more often than allowed. */
class RetryPolicyTest {

  private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofSeconds(12), Duration.ofMillis(500),
      Duration.ofSeconds(2));

  @Test
  void aRefusedJoinWaitsItsRetryAfter() {
    assertEquals(Optional.of(Duration.ofSeconds(3)),
        POLICY.nextWait(1, problem(409, "session-refused", "3"), Duration.ZERO));
  }

  @Test
  void aRetryAfterLongerThanWhatIsLeftGivesUpAtOnce() {
    assertEquals(Optional.empty(), POLICY.nextWait(1, problem(409, "session-refused", "300"), Duration.ZERO));
    assertEquals(Optional.of(Duration.ofSeconds(5)),
        POLICY.nextWait(2, problem(503, "shutting-down", "5"), Duration.ofSeconds(7)), "exactly what is left");
    assertEquals(Optional.empty(), POLICY.nextWait(2, problem(503, "shutting-down", "5"), Duration.ofSeconds(8)));
    assertEquals(Optional.empty(), POLICY.nextWait(1, problem(503, "shutting-down", "99999999999999999999"),
        Duration.ZERO), "no overflow");
  }

  @Test
  void withoutRetryAfterTheWaitDoublesUpToItsCap() {
    DataManagerProblem bare = Problem.read(503, null, "", null, null, ProblemAnswers.NOW).exception();
    RetryPolicy many = new RetryPolicy(10, Duration.ofMinutes(1), Duration.ofMillis(500), Duration.ofSeconds(2));
    assertEquals(Optional.of(Duration.ofMillis(500)), many.nextWait(1, bare, Duration.ZERO));
    assertEquals(Optional.of(Duration.ofSeconds(1)), many.nextWait(2, bare, Duration.ZERO));
    assertEquals(Optional.of(Duration.ofSeconds(2)), many.nextWait(3, bare, Duration.ZERO));
    assertEquals(Optional.of(Duration.ofSeconds(2)), many.nextWait(9, bare, Duration.ZERO));
  }

  @Test
  void theLastAttemptIsNeverFollowedByAnother() {
    assertTrue(POLICY.nextWait(3, problem(503, "database-unavailable", "1"), Duration.ZERO).isPresent());
    assertEquals(Optional.empty(), POLICY.nextWait(4, problem(503, "database-unavailable", "1"), Duration.ZERO));
    assertEquals(Optional.empty(), RetryPolicy.NEVER.nextWait(1, problem(503, "database-unavailable", "0"),
        Duration.ZERO));
  }

  @Test
  void onlyAnswersThatPromiseNothingChangedAreRepeated() {
    for (DataManagerProblem problem : new DataManagerProblem[] {
        problem(422, "invalid-patch", null), problem(409, "session-lost", null), problem(404, "session-not-held", null),
        problem(409, "session-leaving", null), problem(409, "inbox-full", null), problem(403, "forbidden", null),
        problem(401, "unauthorized", null), problem(500, "internal-error", null),
        problem(409, "upgrade-this-node", "5"), problem(504, "trade-outcome-unknown", "5")}) {
      assertEquals(Optional.empty(), POLICY.nextWait(1, problem, Duration.ZERO), problem.getMessage());
    }
    String notRetryable = "{\"type\":\"urn:datamanager:problem:database-unavailable\",\"retryable\":false}";
    assertEquals(Optional.empty(), POLICY.nextWait(1,
        Problem.read(503, null, notRetryable, "1", null, ProblemAnswers.NOW).exception(), Duration.ZERO));
  }

  @Test
  void aTradeOfUnknownOutcomeIsRepeatedOnlyUnderItsIdempotencyKey() {
    assertEquals(Optional.empty(), POLICY.nextWait(1, problem(504, "trade-outcome-unknown", "5"), Duration.ZERO));
    assertEquals(Optional.of(Duration.ofSeconds(5)),
        POLICY.nextWait(1, problem(504, "trade-outcome-unknown", "5", "trade-1"), Duration.ZERO));
  }

  @Test
  void aLoopThatAlwaysFailsStaysWithinBothBounds() {
    for (String retryAfter : new String[] {null, "0", "1", "2", "3", "5", "11", "12", "13"}) {
      DataManagerProblem always = problem(503, "database-unavailable", retryAfter);
      Duration waited = Duration.ZERO;
      int attempts = 1;
      for (Optional<Duration> wait = POLICY.nextWait(attempts, always, waited); wait.isPresent();
          wait = POLICY.nextWait(attempts, always, waited)) {
        waited = waited.plus(wait.get());
        attempts++;
      }
      assertTrue(attempts <= POLICY.maxAttempts(), attempts + " attempts with Retry-After " + retryAfter);
      assertTrue(waited.compareTo(POLICY.maxTotalWait()) <= 0, waited + " waited with Retry-After " + retryAfter);
    }
  }

  @Test
  void aPolicyThatCannotBeKeptIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.of(2, Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class,
        () -> new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
