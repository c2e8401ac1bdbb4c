package dev.datamanager.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted stand-in for a node on 127.0.0.1, for protocol tests of the client's own loop: it answers each request
 * with the next scripted answer (a 500 problem once the script is used up) and records what it was sent.
 */
final class FakeNode implements AutoCloseable {

  /** One scripted answer; {@code headers} beyond Content-Type. */
  record Answer(int status, String contentType, String body, Map<String, String> headers) {

    static Answer json(int status, String body) {
      return new Answer(status, "application/json", body, Map.of());
    }

    static Answer problem(int status, String kind, boolean retryable, String retryAfter) {
      return new Answer(status, "application/problem+json", ProblemAnswers.body(status, kind, retryable),
          retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter));
    }

    static Answer empty(int status) {
      return new Answer(status, null, "", Map.of());
    }
  }

  /** One request as the fake node received it. */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {

    String header(String name) {
      return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeNode(Answer... answers) throws IOException {
    script.addAll(List.of(answers));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          Map.copyOf(exchange.getRequestHeaders()), body));
      Answer answer;
      synchronized (script) {
        answer = script.isEmpty() ? Answer.problem(500, "script-used-up", false, null) : script.poll();
      }
      if (answer.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      }
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
