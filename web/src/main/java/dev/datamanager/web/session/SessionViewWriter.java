package dev.datamanager.web.session;

import dev.datamanager.api.message.MessageView;
import dev.datamanager.api.session.LockView;
import dev.datamanager.api.session.SessionView;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a session body straight to a JSON generator, in the form JSON-B gave it (members in lexicographic order,
 * null members left out, instants as ISO-8601 UTC), without JSON-B's reflective walk on every answer.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class SessionViewWriter implements MessageBodyWriter<SessionView> {

  // One factory for the node: looking the provider up per answer would cost a ServiceLoader scan.
  private static final JsonGeneratorFactory GENERATORS = JsonProvider.provider().createGeneratorFactory(Map.of());

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == SessionView.class;
  }

  @Override
  public void writeTo(SessionView view, Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
    // Closing the generator returns its buffer; the entity stream is the container's to flush and close: a flush
    // here would commit the answer early, sent chunked instead of with a Content-Length.
    try (JsonGenerator json = GENERATORS.createGenerator(new KeptOpen(body), charset(mediaType))) {
      write(json, view);
    }
  }

  private static Charset charset(MediaType mediaType) {
    String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
  }

  /** Writes {@code view} as one JSON object; its member names are the record components', sorted. */
  static void write(JsonGenerator json, SessionView view) {
    json.writeStartObject();
    if (view.data() != null) {
      json.write("data", view.data());
    }
    json.write("dirty", view.dirty());
    string(json, "key", view.key());
    if (view.lock() != null) {
      write(json, view.lock());
    }
    if (view.messages() != null) {
      json.writeStartArray("messages");
      for (MessageView message : view.messages()) {
        write(json, message);
      }
      json.writeEnd();
    }
    json.write("schemaVersion", view.schemaVersion());
    string(json, "store", view.store());
    if (view.userIds() != null) {
      json.writeStartArray("userIds");
      for (String id : view.userIds()) {
        if (id == null) {
          json.writeNull();
        } else {
          json.write(id);
        }
      }
      json.writeEnd();
    }
    json.write("version", view.version());
    json.writeEnd();
  }

  private static void write(JsonGenerator json, LockView lock) {
    json.writeStartObject("lock");
    json.write("generation", lock.generation());
    instant(json, "leaseRenewedAt", lock.leaseRenewedAt());
    string(json, "owner", lock.owner());
    json.writeEnd();
  }

  private static void write(JsonGenerator json, MessageView message) {
    if (message == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    if (message.body() != null) {
      json.write("body", message.body());
    }
    string(json, "id", message.id());
    instant(json, "sentAt", message.sentAt());
    json.writeEnd();
  }

  private static void string(JsonGenerator json, String name, String value) {
    if (value != null) {
      json.write(name, value);
    }
  }

  private static void instant(JsonGenerator json, String name, Instant value) {
    if (value != null) {
      // Instant.toString is DateTimeFormatter.ISO_INSTANT, the form JSON-B writes an Instant in.
      json.write(name, value.toString());
    }
  }

  /** The entity stream, neither flushed nor closed when the generator closes. */
  private static final class KeptOpen extends FilterOutputStream {

    KeptOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
