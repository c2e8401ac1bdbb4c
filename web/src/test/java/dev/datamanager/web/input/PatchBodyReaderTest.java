package dev.datamanager.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.api.error.InvalidUnicodeException;
import dev.datamanager.api.error.MalformedJsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatchBodyReaderTest {

  private final PatchBodyReader reader = new PatchBodyReader();

  private JsonValue read(String body) {
    return reader.readFrom(JsonValue.class, JsonValue.class, null, null, null,
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Bodies are ASCII JSON: each backslash-u escape reaches the parser as text and is decoded by it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"name\":\"a\\ud800b\"}                                    | the string at /name | surrogate U+D800 at UTF-16 index 1",
      "{\"\\udc00\":1}                                             | the member name at /\\uDC00 | surrogate U+DC00",
      "{\"a\":{\"b\":[1,\"\\ude00\\ud83d\"]}}                      | the string at /a/b/1 | surrogate U+DE00 at UTF-16 index 0",
      "{\"a/b\":{\"x~\\udbff\":0}}                                 | the member name at /a~1b/x~0\\uDBFF | U+DBFF",
      "[{\"op\":\"add\",\"path\":\"/n\",\"value\":\"ok\\ud800\"}]  | the string at /0/value | surrogate U+D800 at UTF-16 index 2",
      "[{\"op\":\"add\",\"path\":\"/\\udfff\",\"value\":1}]        | the string at /0/path | surrogate U+DFFF",
      "\"\\ud800\"                                                 | the body's string | surrogate U+D800",
      "{\"name\":\"\\uffff\"}                                      | the string at /name | noncharacter U+FFFF",
      "{\"name\":\"\\ufdd0\"}                                      | the string at /name | noncharacter U+FDD0",
      "{\"name\":\"\\ud83f\\udffe\"}                               | the string at /name | noncharacter U+1FFFE"})
  void aStringOrMemberNameThatIsNotValidUnicodeIsRefusedAndNamed(String body, String where, String problem) {
    InvalidUnicodeException e = assertThrows(InvalidUnicodeException.class, () -> read(body));

    assertTrue(e.getMessage().contains(where + " has "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(e.getMessage().chars().noneMatch(c -> Character.isSurrogate((char) c)), "the detail itself is valid text");
  }

  @Test
  void wellFormedPairsAndOtherCharactersPass() {
    String body = "{\"name\":\"\\ud83d\\ude00 é ü \\u0000 \\ufffd\",\"\\ud83c\\udfae\":[\"玩家\"]}";

    JsonValue value = read(body);

    assertEquals("\uD83D\uDE00 é ü \u0000 \uFFFD", value.asJsonObject().getString("name"));
  }

  @Test
  void aHugeInvalidMemberNameIsShownShortened() {
    String name = "x".repeat(100_000) + "\\ud800";

    InvalidUnicodeException e = assertThrows(InvalidUnicodeException.class, () -> read("{\"" + name + "\":1}"));

    assertTrue(e.getMessage().length() < 1_000, e.getMessage());
  }

  @Test
  void malformedJsonIsStillMalformedJson() {
    assertThrows(MalformedJsonException.class, () -> read("{\"name\":\"\\ud8\"}"));
  }

  @Test
  void aValueOfAnotherTypeThanTheEndpointTakesIsRefused() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> reader.readFrom(
        (Class) JsonObject.class, JsonObject.class, null, null, null,
        new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8))));

    assertEquals("The body must be a JSON object, not a JSON array.", e.getMessage());
  }
}
