package dev.datamanager.bench;

import dev.datamanager.it.node.NodeProcess;
import dev.datamanager.testsupport.BasicCredentials;
import dev.datamanager.testsupport.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A real node process on its own PostgreSQL database, with the requests the HTTP benchmarks send to it. */
final class BenchNode implements AutoCloseable {

  /** Far above any load here: the benchmarks measure the node, not its throttle. */
  static final String WRITE_BUDGET = "1000000";

  private static final Duration LOCK_RECENT = Duration.ofMinutes(2);
  private static final Duration LOCK_STALE = Duration.ofMinutes(5);

  /** The bench-only WAR of line 1's baselines (module bench-baseline), deployed on this node alone. */
  private static final String BASELINE_WAR = "bench.baseline.war";
  private static final String BASELINE_ROOT = "/bench-baseline/text/";
  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);
  private static final String SESSIONS = "/api/v1/stores/" + BenchDatabase.STORE + "/sessions/";

  private final BasicCredentials game = new BasicCredentials("bench-game", UUID.randomUUID().toString());
  private final String authorization = game.header();
  /** The node's admin, for line 8's bulk job and its read-backs. */
  private final BasicCredentials admin = new BasicCredentials("bench-admin", UUID.randomUUID().toString());
  private final String databaseName;
  private final NodeProcess process;

  BenchNode(String serverId, Duration autosaveInterval) {
    Map<String, String> env = new HashMap<>(TestPostgres.shared().freshNodeEnvironment("bench_node"));
    env.put("DATAMANAGER_GAME_USER", game.user());
    env.put("DATAMANAGER_GAME_PASSWORD", game.password());
    env.put("DATAMANAGER_ADMIN_USER", admin.user());
    env.put("DATAMANAGER_ADMIN_PASSWORD", admin.password());
    env.put("DATAMANAGER_AUTOSAVE_INTERVAL", autosaveInterval.toString());
    // A lease is renewed by the autosave, and a node stops acknowledging updates (503) to a lease older than
    // lock.recent: the full mode's PT10M interval needs longer leases than the defaults (PT2M, PT5M), kept as floors.
    Duration recent = max(LOCK_RECENT, autosaveInterval.multipliedBy(3));
    env.put("DATAMANAGER_LOCK_RECENT", recent.toString());
    env.put("DATAMANAGER_LOCK_STALE", max(LOCK_STALE, recent.multipliedBy(5).dividedBy(2)).toString());
    env.put("DATAMANAGER_WRITE_BUDGET", WRITE_BUDGET);
    env.put("DB_POOL_MAX", "40");
    databaseName = env.get("DB_NAME");
    process = NodeProcess.start(serverId, env);
  }

  /** The node's own PostgreSQL database (created fresh for it), for seeding and checks in SQL. */
  String databaseName() {
    return databaseName;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private HttpRequest.Builder session(String key) {
    return HttpRequest.newBuilder(process.uri("/api/v1/stores/" + BenchDatabase.STORE + "/sessions/" + key))
        .timeout(Duration.ofSeconds(30)).header("Authorization", authorization);
  }

  HttpRequest join(String key) {
    return session(key).POST(HttpRequest.BodyPublishers.noBody()).build();
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

  /** Sends one request to the node; the body as a string. */
  HttpResponse<String> send(HttpRequest request) {
    return process.send(request);
  }

  /** Starts a job over the store as the admin: {@code POST /api/v1/stores/{store}/jobs} with a JSON body. */
  HttpResponse<String> startJob(String body) {
    return process.send(asAdmin("/api/v1/stores/" + BenchDatabase.STORE + "/jobs")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** A job and its progress, as the admin. */
  HttpResponse<String> job(String id) {
    return process.send(asAdmin("/api/v1/jobs/" + id).GET().build());
  }

  /** A record's committed state, read as the admin without a session. */
  HttpResponse<String> record(String key) {
    return process.send(asAdmin("/api/v1/stores/" + BenchDatabase.STORE + "/records/" + key).GET().build());
  }

  private HttpRequest.Builder asAdmin(String path) {
    return HttpRequest.newBuilder(process.uri(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", admin.header());
  }

  /** A wrk load of {@code method} on the sessions of keys {@code 0 … keys-1}, as the game-server user. */
  Wrk.Load sessionLoad(String method, int keys) {
    return new Wrk.Load(method, process.uri("/"), authorization, SESSIONS + BenchDatabase.KEY_FORMAT, keys);
  }

  /** A wrk load of the baselines' constant text: open, or behind the API's authentication as the game-server user. */
  Wrk.Load constantText(boolean authenticated) {
    return authenticated ? Wrk.Load.get(process.uri(BASELINE_ROOT + "authenticated"), authorization)
        : Wrk.Load.get(process.uri(BASELINE_ROOT + "open"), null);
  }

  /**
   * Deploys the baselines' WAR (system property {@value #BASELINE_WAR}) on this node, by a file in its
   * configDropins/overrides that binds the game-server role as the EAR does, and waits until it answers: the open
   * text to anyone, the authenticated text to the game-server user and to nobody else.
   */
  void deployBaselines() throws IOException, InterruptedException {
    Path war = Path.of(System.getProperty(BASELINE_WAR, "../bench-baseline/target/bench-baseline.war"));
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException("No baseline WAR at " + war.toAbsolutePath() + " (module bench-baseline)");
    }
    Path server = process.serverDirectory();
    Files.createDirectories(server.resolve("apps"));
    Files.copy(war, server.resolve("apps").resolve("bench-baseline.war"));
    Path overrides = Files.createDirectories(server.resolve("configDropins").resolve("overrides"));
    try (InputStream config = BenchNode.class.getResourceAsStream("bench-baseline.xml")) {
      Files.copy(config, overrides.resolve("bench-baseline.xml"));
    }
    long deadline = System.nanoTime() + DEPLOY_TIMEOUT.toNanos();
    while (status(constantText(false), null) != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The baseline WAR did not start within " + DEPLOY_TIMEOUT + "; node log:\n"
            + process.logTail());
      }
      Thread.sleep(250);
    }
    Wrk.Load authenticated = constantText(true);
    int withCredentials = status(authenticated, authorization);
    int without = status(authenticated, null);
    int wrongPassword = status(authenticated, new BasicCredentials(game.user(), "wrong").header());
    if (withCredentials != 200 || without / 100 != 4 || wrongPassword / 100 != 4) {
      throw new IllegalStateException("The authenticated baseline does not authenticate: " + withCredentials
          + " with the game user's credentials, " + without + " without, " + wrongPassword + " with a wrong password");
    }
  }

  private int status(Wrk.Load load, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(load.uri()).timeout(Duration.ofSeconds(30)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return process.send(request.build()).statusCode();
    } catch (RuntimeException notYetListening) {
      return -1;
    }
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
