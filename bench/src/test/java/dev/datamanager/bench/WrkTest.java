package dev.datamanager.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wrk with the bench's load.lua against a server in this JVM that records what it is sent and answers as told. */
class WrkTest {

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  @TempDir Path work;

  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong ok = new AtomicLong();
  private HttpServer server;
  private ExecutorService threads;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
      threads.shutdownNow();
    }
  }

  @Test
  void aPatchLoadSendsTheMergePatchWithItsHeadersOnEveryKey() throws Exception {
    URI base = serve(n -> 200);
    LoadFigures figures = new Wrk(work).measure(ONE_SECOND,
        new Wrk.Load("PATCH", base, "Basic Z2FtZTpwdw==", "/sessions/P_%07d", 5));
    assertEquals(0, figures.errors());
    assertTrue(figures.requests() > 0, "requests: " + figures.requests());
    // wrk stops with up to one request in flight per connection, counted here but not there.
    assertTrue(ok.get() - figures.requests() >= 0 && ok.get() - figures.requests() <= Wrk.CONNECTIONS,
        figures.requests() + " counted by wrk, " + ok.get() + " answered");
    assertEquals(Set.of("PATCH /sessions/P_0000000 Basic Z2FtZTpwdw== application/merge-patch+json coins",
        "PATCH /sessions/P_0000001 Basic Z2FtZTpwdw== application/merge-patch+json coins",
        "PATCH /sessions/P_0000002 Basic Z2FtZTpwdw== application/merge-patch+json coins",
        "PATCH /sessions/P_0000003 Basic Z2FtZTpwdw== application/merge-patch+json coins",
        "PATCH /sessions/P_0000004 Basic Z2FtZTpwdw== application/merge-patch+json coins"), seen);
    assertTrue(figures.p50Millis() > 0 && figures.p50Millis() <= figures.p99Millis()
        && figures.p99Millis() <= figures.p999Millis(), figures.summary());
  }

  @Test
  void aMinimalPatchLoadAsksForNoDocumentInTheAnswer() throws Exception {
    URI base = serve(n -> 204);
    LoadFigures figures = new Wrk(work).measure(ONE_SECOND,
        new Wrk.Load("PATCH-MINIMAL", base, "Basic Z2FtZTpwdw==", "/sessions/P_%07d", 1));
    assertEquals(0, figures.errors());
    assertTrue(figures.requests() > 0, "requests: " + figures.requests());
    assertEquals(Set.of("PATCH /sessions/P_0000000 Basic Z2FtZTpwdw== application/merge-patch+json coins"
        + " return=minimal"), seen);
  }

  @Test
  void aGetWithoutCredentialsSendsNoAuthorizationAndNoBody() throws Exception {
    URI base = serve(n -> 200);
    LoadFigures figures = new Wrk(work).measure(ONE_SECOND, Wrk.Load.get(base.resolve("/text/open"), null));
    assertTrue(figures.requests() > 0);
    assertEquals(Set.of("GET /text/open null null -"), seen);
  }

  @Test
  void anAnswerOtherThan2xxIsAnErrorNotARequest() throws Exception {
    URI base = serve(n -> n % 2 == 0 ? 200 : 503);
    LoadFigures figures = new Wrk(work).measure(ONE_SECOND, Wrk.Load.get(base.resolve("/text/open"), null));
    long all = figures.requests() + figures.errors();
    assertTrue(answered.get() - all >= 0 && answered.get() - all <= Wrk.CONNECTIONS,
        all + " counted by wrk, " + answered.get() + " answered");
    assertTrue(Math.abs(figures.requests() - figures.errors()) <= Wrk.CONNECTIONS, figures.summary());
  }

  @Test
  void theFiguresLineGivesRequestsErrorsAndMilliseconds() {
    LoadFigures figures = Wrk.parse("Running 2s test @ http://localhost:1/\nwrk-figures requests=100"
        + " duration_us=2000000 p50_us=1500.0 p99_us=9000.5 p999_us=12000.0 status=10 connect=1 read=2 write=0"
        + " timeout=3\n");
    assertEquals(new LoadFigures(90, 16, 2.0, 1.5, 9.0005, 12.0), figures);
    assertEquals(45.0, figures.perSecond());
  }

  @Test
  void outputWithoutTheFiguresLineFails() {
    assertThrows(IllegalStateException.class, () -> Wrk.parse("unable to connect to localhost:1 Connection refused"));
  }

  /** Starts the server; {@code status} maps the n-th request (from 0) to its answer's status. */
  private URI serve(IntUnaryOperator status) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    threads = Executors.newFixedThreadPool(4);
    server.setExecutor(threads);
    AtomicLong count = new AtomicLong();
    server.createContext("/", exchange -> answer(exchange, status.applyAsInt((int) count.getAndIncrement())));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void answer(HttpExchange exchange, int status) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
        + exchange.getRequestHeaders().getFirst("Authorization") + " "
        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
        + (body.isEmpty() ? "-" : body.matches("\\{\"coins\":[0-9]+}") ? "coins" : body)
        + (exchange.getRequestHeaders().containsKey("Prefer") ? " " + exchange.getRequestHeaders().getFirst("Prefer")
            : ""));
    // Counted before the answer leaves, so wrk can never have counted one the test has not.
    answered.incrementAndGet();
    if (status / 100 == 2) {
      ok.incrementAndGet();
    }
    if (status == 204) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    byte[] text = "ok".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, text.length);
    exchange.getResponseBody().write(text);
    exchange.close();
  }
}
