package dev.datamanager.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datamanager.api.error.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionNumberRuleTest {

  @Test
  void wholeNumbersFromZeroToTheLargestLong() {
    assertEquals(0, VersionNumberRule.version("0"));
    assertEquals(42, VersionNumberRule.version("42"));
    assertEquals(Long.MAX_VALUE, VersionNumberRule.version(Long.toString(Long.MAX_VALUE)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "abc", "", "1.5", "+1", " 1", "0x1", "9223372036854775808",
      "99999999999999999999"})
  void anythingElseIsRefused(String version) {
    assertThrows(InvalidParameterException.class, () -> VersionNumberRule.version(version));
  }
}
