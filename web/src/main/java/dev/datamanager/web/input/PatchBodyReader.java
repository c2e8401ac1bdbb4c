package dev.datamanager.web.input;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.MalformedJsonException;
import dev.datamanager.api.session.SessionResource;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads a patch body as one JSON value, turning every parse failure (empty, truncated, too deep) into a 400. */
@Provider
@Consumes({SessionResource.MERGE_PATCH, SessionResource.JSON_PATCH})
public class PatchBodyReader implements MessageBodyReader<JsonValue> {

  /** Player data is shallow; a limit keeps a hostile 10 000-level body from exhausting the parser's stack. */
  static final int MAX_DEPTH = 64;

  private final JsonReaderFactory readers = JsonProvider.provider()
      .createReaderFactory(Map.of("org.eclipse.parsson.maxDepth", MAX_DEPTH));

  @Override
  public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return JsonValue.class.isAssignableFrom(type);
  }

  @Override
  public JsonValue readFrom(Class<JsonValue> type, Type genericType, Annotation[] annotations, MediaType mediaType,
      MultivaluedMap<String, String> headers, InputStream body) {
    try (JsonReader reader = readers.createReader(body, StandardCharsets.UTF_8)) {
      return reader.readValue();
    } catch (DataManagerException e) {
      throw e;
    } catch (RuntimeException e) {
      // Parsson reports most faults as JsonException, but nesting past maxDepth as a bare RuntimeException.
      throw new MalformedJsonException(e.getMessage(), e);
    }
  }
}
