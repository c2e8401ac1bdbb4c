package dev.datamanager.bench;

import dev.datamanager.it.node.NodeProcess;
import dev.datamanager.testsupport.BasicCredentials;
import dev.datamanager.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A real node process on its own PostgreSQL database, with the requests the HTTP benchmarks send to it. */
final class BenchNode implements AutoCloseable {

  /** Far above any load here: the benchmarks measure the node, not its throttle. */
  static final String WRITE_BUDGET = "1000000";

  private final BasicCredentials game = new BasicCredentials("bench-game", UUID.randomUUID().toString());
  private final String authorization = game.header();
  private final NodeProcess process;

  BenchNode(String serverId, Duration autosaveInterval) {
    Map<String, String> env = new HashMap<>(TestPostgres.shared().freshNodeEnvironment("bench_node"));
    env.put("DATAMANAGER_GAME_USER", game.user());
    env.put("DATAMANAGER_GAME_PASSWORD", game.password());
    env.put("DATAMANAGER_AUTOSAVE_INTERVAL", autosaveInterval.toString());
    env.put("DATAMANAGER_WRITE_BUDGET", WRITE_BUDGET);
    env.put("DB_POOL_MAX", "40");
    process = NodeProcess.start(serverId, env);
  }

  private HttpRequest.Builder session(String key) {
    return HttpRequest.newBuilder(process.uri("/api/v1/stores/" + BenchDatabase.STORE + "/sessions/" + key))
        .timeout(Duration.ofSeconds(30)).header("Authorization", authorization);
  }

  HttpRequest join(String key) {
    return session(key).POST(HttpRequest.BodyPublishers.noBody()).build();
  }

  HttpRequest get(String key) {
    return session(key).GET().build();
  }

  HttpRequest patch(String key, String mergePatch) {
    return session(key).header("Content-Type", "application/merge-patch+json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch)).build();
  }

  /** A merge patch answered without the document (RFC 7240 {@code Prefer: return=minimal}): 204 and an ETag. */
  HttpRequest patchMinimal(String key, String mergePatch) {
    return session(key).header("Content-Type", "application/merge-patch+json").header("Prefer", "return=minimal")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch)).build();
  }

  HttpRequest leave(String key) {
    return session(key).DELETE().build();
  }

  /** The open MicroProfile Health liveness probe: no authentication, no database. */
  HttpRequest live() {
    return HttpRequest.newBuilder(process.uri("/health/live")).timeout(Duration.ofSeconds(30)).GET().build();
  }

  /** How many held sessions are dirty, from the session list. */
  long dirtySessions() {
    HttpResponse<String> list = process.send(HttpRequest.newBuilder(process.uri("/api/v1/sessions"))
        .timeout(Duration.ofSeconds(60)).header("Authorization", authorization).GET().build());
    String body = list.body();
    long count = 0;
    for (int at = body.indexOf("\"dirty\":true"); at >= 0; at = body.indexOf("\"dirty\":true", at + 1)) {
      count++;
    }
    return count;
  }

  /** The sum of a counter's series in {@code /metrics} (Prometheus text), 0 when it has none yet. */
  double metric(String name) {
    double sum = 0;
    for (String line : process.get("/metrics").body().split("\n")) {
      if (line.startsWith(name) && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' '
          || line.startsWith(name + "_total"))) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  @Override
  public void close() {
    process.close();
  }
}
