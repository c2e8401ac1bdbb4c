package dev.datamanager.it.http;

import dev.datamanager.api.audit.AuditResource;
import dev.datamanager.api.server.ServerResource;
import dev.datamanager.api.session.RecordResource;
import dev.datamanager.api.session.SessionListResource;
import dev.datamanager.api.session.SessionResource;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.api.version.VersionResource;
import dev.datamanager.api.user.UserResource;
import dev.datamanager.it.node.NodeProcess;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.ResteasyClient;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.jboss.resteasy.client.jaxrs.ResteasyWebTarget;

/** A started node with API users of its own, reached through the typed client or as raw HTTP. */
final class ApiNode implements AutoCloseable {

  // Not the development defaults: proves the users come from the environment.
  final BasicCredentials game = new BasicCredentials("it-game", UUID.randomUUID().toString());
  final BasicCredentials admin = new BasicCredentials("it-admin", UUID.randomUUID().toString());
  final BasicCredentials support = new BasicCredentials("it-support", UUID.randomUUID().toString());
  final NodeProcess process;
  private final Map<String, String> databaseEnvironment;
  private final ResteasyClient client;

  private ApiNode(String serverId, Map<String, String> databaseEnvironment, Map<String, String> environment) {
    this.databaseEnvironment = databaseEnvironment;
    Map<String, String> env = new HashMap<>(databaseEnvironment);
    // Autosave only when a test asks: lease renewals would otherwise move the values the tests compare.
    env.put("DATAMANAGER_AUTOSAVE_INTERVAL", "PT1H");
    // These suites check behaviour, not speed: the client compiler alone starts a node about a quarter sooner
    // (16 s instead of 22 s here), which over the suite's dozens of node starts saves minutes of CI.
    env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
    env.putAll(environment);
    env.put("DATAMANAGER_GAME_USER", game.user());
    env.put("DATAMANAGER_GAME_PASSWORD", game.password());
    env.put("DATAMANAGER_ADMIN_USER", admin.user());
    env.put("DATAMANAGER_ADMIN_PASSWORD", admin.password());
    env.put("DATAMANAGER_SUPPORT_USER", support.user());
    env.put("DATAMANAGER_SUPPORT_PASSWORD", support.password());
    process = NodeProcess.start(serverId, env);
    client = ((ResteasyClientBuilder) ResteasyClientBuilder.newBuilder())
        .connectionPoolSize(64)
        .maxPooledPerRoute(64)
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(60, TimeUnit.SECONDS)
        .build();
  }

  static ApiNode start(String serverId, NodeDatabase database) {
    return start(serverId, database, Map.of());
  }

  /** A node with extra settings, such as a templates folder of the test's own. */
  static ApiNode start(String serverId, NodeDatabase database, Map<String, String> environment) {
    return new ApiNode(serverId, database.freshEnvironment(serverId.replace('-', '_')), environment);
  }

  /** A node on the database another node runs on ({@link #databaseEnvironment()}), as a second node of a cluster. */
  static ApiNode startOn(String serverId, Map<String, String> databaseEnvironment, Map<String, String> environment) {
    return new ApiNode(serverId, databaseEnvironment, environment);
  }

  <T> T client(Class<T> resource, BasicCredentials user) {
    ResteasyWebTarget target = client.target(process.uri("/api/v1"));
    target.register((ClientRequestFilter) request ->
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, user.header()));
    return target.proxy(resource);
  }

  SessionResource sessions() {
    return client(SessionResource.class, game);
  }

  SessionListResource sessionList() {
    return client(SessionListResource.class, game);
  }

  RecordResource records() {
    return client(RecordResource.class, admin);
  }

  VersionResource versions() {
    return client(VersionResource.class, admin);
  }

  AuditResource audit() {
    return client(AuditResource.class, admin);
  }

  UserResource users() {
    return client(UserResource.class, admin);
  }

  ServerResource server() {
    return client(ServerResource.class, admin);
  }

  /** Joins {@code count} sessions of {@code store}, keys {@code prefix_0000} on, eight at a time; they stay held. */
  void joinMany(String store, String prefix, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<SessionView>> joins = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String key = String.format("%s_%04d", prefix, i);
        joins.add(pool.submit(() -> sessions().join(store, key)));
      }
      for (Future<SessionView> join : joins) {
        join.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The environment that chose this node's database (empty for Derby). */
  Map<String, String> databaseEnvironment() {
    return databaseEnvironment;
  }

  /** A raw request builder for {@code path} below the node's root, with a generous timeout. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(process.uri(path)).timeout(Duration.ofSeconds(60));
  }

  HttpRequest.Builder request(String path, BasicCredentials user) {
    return request(path).header(HttpHeaders.AUTHORIZATION, user.header());
  }

  HttpResponse<String> send(HttpRequest request) {
    return process.send(request);
  }

  @Override
  public void close() {
    client.close();
    process.close();
  }
}
