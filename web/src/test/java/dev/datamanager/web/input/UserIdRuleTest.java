package dev.datamanager.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.error.InvalidUserIdException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdRuleTest {

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  @Test
  void aListKeepsEachIdOnceInTheOrderFirstSent() {
    assertEquals(List.of("b", "a:1", "C-2.x_y"), UserIdRule.list(json("[\"b\",\"a:1\",\"b\",\"C-2.x_y\",\"a:1\"]")));
    assertEquals(List.of(), UserIdRule.list(json("[]")));
  }

  @Test
  void thirtyTwoIdsPassAndThirtyThreeAreRefused() {
    StringBuilder ids = new StringBuilder("[\"u0\"");
    for (int i = 1; i < 32; i++) {
      ids.append(",\"u").append(i).append('"');
    }
    assertEquals(32, UserIdRule.list(json(ids + "]")).size());

    InvalidUserIdException e = assertThrows(InvalidUserIdException.class,
        () -> UserIdRule.list(json(ids + ",\"u32\"]")));
    assertTrue(e.getMessage().contains("33 user ids"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[123]                     | index 0 is a JSON number",
      "[\"ok\",null]             | index 1 is a JSON null",
      "[[\"a\"]]                 | index 0 is a JSON array",
      "[\"\"]                    | index 0, '', is not valid",
      "[\"a b\"]                 | index 0, 'a b', is not valid",
      "[\"a,b\"]                 | index 0, 'a,b', is not valid",
      "[\"spieler-ü\"]           | index 0, 'spieler-ü', is not valid",
      "{\"userIds\":[\"a\"]}     | a JSON object, not an array",
      "\"a\"                     | a JSON string, not an array",
      "true                      | a JSON boolean, not an array"})
  void aBodyThatBreaksTheRuleIsRefusedWithWhatBreaksIt(String body, String detail) {
    InvalidUserIdException e = assertThrows(InvalidUserIdException.class, () -> UserIdRule.list(json(body)));
    assertTrue(e.getMessage().contains(detail), e.getMessage());
  }

  @Test
  void sixtyFourCharactersPassAndSixtyFiveAreRefused() {
    assertEquals("x".repeat(64), UserIdRule.check("x".repeat(64)));
    InvalidUserIdException e = assertThrows(InvalidUserIdException.class, () -> UserIdRule.check("x".repeat(65)));
    assertTrue(e.getMessage().contains("1 to 64 characters"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "a b", "a%20b", "<script>"})
  void aPathIdThatBreaksTheRuleIsRefused(String id) {
    assertThrows(InvalidUserIdException.class, () -> UserIdRule.check(id));
  }
}
