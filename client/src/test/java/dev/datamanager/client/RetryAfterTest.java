package dev.datamanager.client;

import static dev.datamanager.client.ProblemAnswers.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as seconds or as an HTTP date (RFC 9110 section 10.2.3). */
class RetryAfterTest {

  @Test
  void wholeSeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(5)), RetryAfter.parse("5", NOW));
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", NOW));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0", NOW));
  }

  @Test
  void aNumberTooLongForALongIsLongerThanAnyPolicyWaits() {
    assertEquals(Optional.of(Duration.ofSeconds(Long.MAX_VALUE)), RetryAfter.parse("99999999999999999999999", NOW));
  }

  @Test
  void anHttpDateIsMeasuredFromTheClock() {
    assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Wed, 25 Nov 2026 20:01:30 GMT", NOW));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 25 Nov 2026 19:59:00 GMT", NOW), "past: now");
  }

  @Test
  void absentOrUnreadableIsNone() {
    for (String header : new String[] {null, "", "  ", "-1", "1.5", "soon", "٣", "2026-11-25T20:01:30Z"}) {
      assertEquals(Optional.empty(), RetryAfter.parse(header, NOW), "Retry-After: " + header);
    }
  }
}
