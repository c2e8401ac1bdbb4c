package dev.datamanager.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.api.message.MessageView;
import dev.datamanager.api.session.LockView;
import dev.datamanager.api.session.SessionView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The session writer answers byte for byte what JSON-B (Yasson, as Liberty serves it) wrote before it. */
class SessionViewWriterTest {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @AfterAll
  static void close() throws Exception {
    JSONB.close();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String written(SessionView view, MediaType mediaType) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SessionViewWriter().writeTo(view, SessionView.class, SessionView.class, null, mediaType, null, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void assertSameAsJsonb(SessionView view) throws IOException {
    assertEquals(JSONB.toJson(view), written(view, MediaType.APPLICATION_JSON_TYPE));
  }

  @Test
  void aPatchedSessionAsTheBenchSeesIt() throws IOException {
    assertSameAsJsonb(new SessionView("PlayerData", "P_0000001", json("{\"coins\":6,\"gems\":0,\"level\":1,"
        + "\"items\":[],\"inventory\":{\"items\":[],\"capacity\":20},\"settings\":{\"music\":true,\"sfx\":true,"
        + "\"volume\":0.8,\"language\":\"en\"}}"), 4, true,
        new LockView("node-a", 1, Instant.parse("2026-11-26T20:43:15.055Z")), List.of(), 1, List.of()));
  }

  @Test
  void messagesUserIdsAndEveryKindOfValue() throws IOException {
    JsonObject data = json("{\"z\":null,\"a\":[1,2.50,-3e2,1E+400,12345678901234567890],\"t\":\"é\\u0000\\\"\\\\\\n"
        + "\\u001f\\u2028😀 </script>\",\"nested\":{\"deep\":[{\"x\":false}]}}");
    List<MessageView> messages = List.of(
        new MessageView("m-1", Instant.parse("2026-01-02T03:04:05Z"), json("{\"gift\":5}")),
        new MessageView("m-2", Instant.parse("2026-01-02T03:04:05.123456789Z"), json("{}")),
        new MessageView("m-3", Instant.parse("2026-01-02T03:04:05.120Z"), json("{\"s\":\"ü\"}")));
    assertSameAsJsonb(new SessionView("Store.x:1", "key-é", data, Long.MAX_VALUE, false,
        new LockView("ñode", -1, Instant.parse("1970-01-01T00:00:00Z")), List.of("u1", "u-2", "ü"), 7, messages));
  }

  @Test
  void nullMembersAreLeftOutAsJsonbDoes() throws IOException {
    assertSameAsJsonb(new SessionView("S", "K", json("{}"), 0, false, new LockView(null, 3, null), List.of(), 0,
        List.of()));
    assertSameAsJsonb(new SessionView(null, null, null, 0, true, null, null, 0, null));
  }

  @Test
  void anotherCharsetAskedForIsWritten() throws IOException {
    SessionView view = new SessionView("S", "K", json("{\"name\":\"ü😀\"}"), 0, false, null, List.of(), 0, List.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SessionViewWriter().writeTo(view, SessionView.class, SessionView.class, null,
        new MediaType("application", "json", Map.of("charset", "UTF-16BE")), null, out);
    assertEquals(JSONB.toJson(view), out.toString(StandardCharsets.UTF_16BE));
  }

  @Test
  void theEntityStreamIsNeitherFlushedNorClosed() throws IOException {
    boolean[] closed = {false};
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void flush() {
        // A flush commits the container's answer early: chunked, without a Content-Length.
        closed[0] = true;
      }

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    new SessionViewWriter().writeTo(new SessionView("S", "K", json("{}"), 0, false, null, List.of(), 0, List.of()),
        SessionView.class, SessionView.class, null, MediaType.APPLICATION_JSON_TYPE, null, out);
    assertEquals(false, closed[0]);
    assertEquals("{\"data\":{},\"dirty\":false,\"key\":\"K\",\"messages\":[],\"schemaVersion\":0,\"store\":\"S\","
        + "\"userIds\":[],\"version\":0}", out.toString(StandardCharsets.UTF_8));
  }
}
