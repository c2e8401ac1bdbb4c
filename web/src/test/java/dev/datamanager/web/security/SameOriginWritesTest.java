package dev.datamanager.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which {@code Origin} names the node a request was sent to (its {@code Host}): the rule of a cross-origin change. */
class SameOriginWritesTest {

  @ParameterizedTest
  @CsvSource({
      "http://localhost:9080, localhost:9080",
      "https://dm.example, dm.example",
      "https://dm.example, dm.example:443",
      "http://dm.example:80, dm.example",
      "https://DM.example, dm.example",
      "https://dm.example, dm.example:80"})
  void theNodesOwnOriginMayChangeThings(String origin, String host) {
    assertTrue(SameOriginWrites.sameHost(origin, host), origin + " on " + host);
  }

  @ParameterizedTest
  @CsvSource({
      "https://evil.example, dm.example",
      "http://dm.example:9999, dm.example",
      "http://localhost:1, localhost:9080",
      "http://localhost:9080, localhost",
      "null, dm.example",
      "https://dm.example.evil.example, dm.example"})
  void anotherOriginMayNot(String origin, String host) {
    assertFalse(SameOriginWrites.sameHost(origin, host), origin + " on " + host);
  }
}
