package dev.datamanager.client;

import static dev.datamanager.client.ProblemAnswers.NOW;
import static dev.datamanager.client.ProblemAnswers.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Problem answers read into the exception class a game handles them with, every field kept. */
class ProblemTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "409, session-refused, SessionRefused",
      "409, session-lost, SessionLost",
      "404, session-not-held, SessionNotHeld",
      "409, not-held-here, SessionNotHeld",
      "422, invalid-patch, PatchRefused",
      "422, patch-failed, PatchRefused",
      "504, trade-outcome-unknown, TradeOutcomeUnknown",
      "503, database-unavailable, Unavailable",
      "503, lease-unsafe, Unavailable",
      "503, shutting-down, Unavailable",
      "503, temporarily-unavailable, Unavailable",
      "503, trade-unresolved, Unavailable",
      "409, session-leaving, DataManagerProblem",
      "409, inbox-full, DataManagerProblem",
      "409, upgrade-this-node, DataManagerProblem",
      "422, migration-failed, DataManagerProblem",
      "422, idempotency-key-reused, DataManagerProblem",
      "400, malformed-json, DataManagerProblem",
      "401, unauthorized, DataManagerProblem",
      "403, forbidden, DataManagerProblem",
      "404, unknown-store, DataManagerProblem",
      "413, document-too-large, DataManagerProblem",
      "500, internal-error, DataManagerProblem"})
  void eachKindMapsToTheClassAGameHandlesItWith(int status, String kind, String expectedClass) {
    DataManagerProblem problem = problem(status, kind, null);
    assertEquals(expectedClass, problem.getClass().getSimpleName());
    assertEquals(kind, problem.kind());
    assertEquals(status, problem.status());
  }

  @Test
  void everyFieldOfTheBodyAndTheRetryAfterHeaderIsKept() {
    DataManagerProblem problem = problem(409, "session-refused", "7");
    assertEquals("urn:datamanager:problem:session-refused", problem.type());
    assertEquals("session-refused", problem.kind());
    assertEquals(409, problem.status());
    assertEquals("Title of session-refused", problem.title());
    assertEquals("Detail of session-refused", problem.detail());
    assertTrue(problem.retryable());
    assertEquals(Optional.of("PlayerData"), problem.store());
    assertEquals(Optional.of("Player_1"), problem.key());
    assertEquals(Optional.of(Duration.ofSeconds(7)), problem.retryAfter());
    assertEquals("409 session-refused: Detail of session-refused (PlayerData/Player_1)", problem.getMessage());
  }

  @Test
  void aProblemAboutNoRecordHasNoStoreNorKey() {
    DataManagerProblem problem = Problem.read(401, "Unauthorized", "{\"type\":\"urn:datamanager:problem:unauthorized\","
        + "\"title\":\"Authentication required\",\"status\":401,\"detail\":\"Wrong password.\",\"retryable\":false}",
        null, null, NOW).exception();
    assertEquals(Optional.empty(), problem.store());
    assertEquals(Optional.empty(), problem.key());
    assertEquals(Optional.empty(), problem.retryAfter());
    assertEquals("401 unauthorized: Wrong password.", problem.getMessage());
  }

  @Test
  void anAnswerThatIsNoProblemStillBecomesOneNamedByItsStatus() {
    DataManagerProblem problem = Problem.read(502, "Bad Gateway", "<html><body>\n  upstream   down</body></html>",
        null, null, NOW).exception();
    assertSame(DataManagerProblem.class, problem.getClass());
    assertEquals("about:blank", problem.type());
    assertEquals("http-502", problem.kind());
    assertEquals("Bad Gateway", problem.title());
    assertEquals("Not a problem+json answer: <html><body> upstream down</body></html>", problem.detail());
    assertFalse(problem.retryable());
  }

  @Test
  void aBare503IsUnavailableAndRetryableForItPromisesNothingChanged() {
    DataManagerProblem problem = Problem.read(503, null, "", "5", null, NOW).exception();
    assertTrue(problem instanceof Unavailable, problem.getClass().getName());
    assertTrue(problem.retryable());
    assertEquals("HTTP 503", problem.title());
    assertEquals("HTTP 503", problem.detail());
    assertEquals(Optional.of(Duration.ofSeconds(5)), problem.retryAfter());
  }

  @Test
  void aBodyThatSaysNotRetryableIsBelieved() {
    String body = "{\"type\":\"urn:datamanager:problem:database-unavailable\",\"retryable\":false}";
    assertFalse(Problem.read(503, null, body, null, null, NOW).exception().retryable());
  }

  @Test
  void aTypeOutsideTheApisOwnIsItsOwnKind() {
    DataManagerProblem problem = Problem.read(418, null, "{\"type\":\"https://example.com/teapot\"}", null, null, NOW)
        .exception();
    assertEquals("https://example.com/teapot", problem.kind());
    assertEquals("HTTP 418", problem.title());
  }

  @Test
  void aTradeOutcomeUnknownKeepsTheKeyItWasSentWith() {
    TradeOutcomeUnknown unknown = (TradeOutcomeUnknown) problem(504, "trade-outcome-unknown", "5", "trade-5f2c");
    assertEquals(Optional.of("trade-5f2c"), unknown.idempotencyKey());
  }
}
