package dev.datamanager.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.error.InvalidParameterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantRuleTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-25T20:00:00Z", "2026-11-25t20:00:00z", "2026-11-25 20:00:00Z",
      "2026-11-25T21:00:00+01:00", "2026-11-25T14:30:00-05:30", "2026-11-25T20:00:00.000000000Z"})
  void anyOffsetNamesTheSameInstant(String text) {
    assertEquals(Instant.parse("2026-11-25T20:00:00Z"), InstantRule.instant("from", text));
  }

  @Test
  void fractionsAreKeptAndAbsenceIsNull() {
    assertEquals(Instant.parse("2026-11-25T20:00:00.123456789Z"),
        InstantRule.instant("to", "2026-11-25T21:00:00.123456789+01:00"));
    assertNull(InstantRule.instant("from", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "now", "2026-11-25", "2026-11-25T20:00:00", "2026-11-25T20:00Z", "2026-11-25T20:00:00+01",
      "2026-11-25T20:00:00+0100", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-25T24:00:00Z",
      "2026-11-25T20:00:60Z", "2026-11-25T20:00:00.Z", "2026-11-25T20:00:00.1234567891Z", "+2026-11-25T20:00:00Z",
      "2026-11-25T20:00:00+24:00", " 2026-11-25T20:00:00Z"})
  void anythingElseIsRefusedNamingTheParameter(String text) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> InstantRule.instant("to", text));
    assertTrue(e.getMessage().startsWith("The parameter 'to' is"), e.getMessage());
    assertTrue(e.getMessage().contains("RFC 3339"), e.getMessage());
  }
}
