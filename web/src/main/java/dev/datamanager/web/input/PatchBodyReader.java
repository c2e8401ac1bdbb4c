package dev.datamanager.web.input;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.api.error.MalformedJsonException;
import dev.datamanager.api.session.SessionResource;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON body (a patch, a list of user ids, a restore target) as exactly one JSON value in strict UTF-8,
 * turning every parse failure (empty, truncated, too deep, trailing content, invalid bytes), every string that is not
 * valid Unicode (I-JSON) and a value of another JSON type than the endpoint takes into a 400.
 */
@Provider
@Consumes({SessionResource.MERGE_PATCH, SessionResource.JSON_PATCH, MediaType.APPLICATION_JSON})
public class PatchBodyReader implements MessageBodyReader<JsonValue> {

  /** Player data is shallow; a limit keeps a hostile 10 000-level body from exhausting the parser's stack. */
  static final int MAX_DEPTH = 64;

  private static final JsonParserFactory PARSERS = JsonProvider.provider()
      .createParserFactory(Map.of("org.eclipse.parsson.maxDepth", MAX_DEPTH));

  @Override
  public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return JsonValue.class.isAssignableFrom(type);
  }

  @Override
  public JsonValue readFrom(Class<JsonValue> type, Type genericType, Annotation[] annotations, MediaType mediaType,
      MultivaluedMap<String, String> headers, InputStream body) {
    JsonValue value = readOne(body);
    if (!type.isInstance(value)) {
      throw new InvalidRequestException("The body must be a JSON " + (JsonArray.class.isAssignableFrom(type)
          ? "array" : "object") + ", not a JSON " + value.getValueType().name().toLowerCase(Locale.ROOT) + ".");
    }
    return value;
  }

  /** Exactly one JSON value in strict UTF-8, valid Unicode, at most {@link #MAX_DEPTH} deep; else a 400. */
  public static JsonValue readOne(InputStream body) {
    // A lenient decoder would turn invalid bytes into U+FFFD and store them; refuse them instead.
    InputStreamReader text = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    try (JsonParser parser = PARSERS.createParser(text)) {
      if (!parser.hasNext()) {
        throw new MalformedJsonException("the body is empty", null);
      }
      parser.next();
      JsonValue value = parser.getValue();
      // hasNext() reads on to the end and fails on anything but whitespace after the value.
      if (parser.hasNext()) {
        throw new MalformedJsonException("there is more than one JSON value", null);
      }
      // Valid UTF-8 can still hold JSON escapes of lone surrogates; the parser decodes them as they are.
      UnicodeRule.check(value);
      return value;
    } catch (DataManagerException e) {
      throw e;
    } catch (RuntimeException e) {
      // Parsson reports most faults as JsonException, but nesting past maxDepth as a bare RuntimeException.
      throw new MalformedJsonException(e.getMessage(), e);
    }
  }
}
