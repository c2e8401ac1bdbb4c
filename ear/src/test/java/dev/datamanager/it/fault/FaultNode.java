package dev.datamanager.it.fault;

import dev.datamanager.it.node.NodeProcess;
import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A node under fault injection, called over plain HTTP so that every status (409, 503, no answer) is a value the
 * scenario can assert on, not an exception.
 */
public final class FaultNode implements AutoCloseable {

  public static final String STORE = "PlayerData";
  private static final String SESSIONS = "/api/v1/stores/" + STORE + "/sessions/";
  private static final BasicCredentials GAME = new BasicCredentials("fault-game", "fault-game-secret");
  private static final BasicCredentials ADMIN = new BasicCredentials("fault-admin", "fault-admin-secret");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  // Replaced by a restart; requests in flight keep the old process's port and get no answer.
  volatile NodeProcess process;
  private final Map<String, String> environment;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private FaultNode(NodeProcess process, Map<String, String> environment) {
    this.process = process;
    this.environment = environment;
  }

  /** Starts a node with the fault-test users and {@code environment} (database and settings). */
  static FaultNode start(String serverId, Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    env.put("DATAMANAGER_GAME_USER", GAME.user());
    env.put("DATAMANAGER_GAME_PASSWORD", GAME.password());
    env.put("DATAMANAGER_ADMIN_USER", ADMIN.user());
    env.put("DATAMANAGER_ADMIN_PASSWORD", ADMIN.password());
    // The shutdown flush reports at INFO; the scenarios read it from the console.
    env.put("WLP_LOGGING_CONSOLE_LOGLEVEL", "INFO");
    return new FaultNode(NodeProcess.start(serverId, env), Map.copyOf(env));
  }

  /** Starts this node again, same server id and settings (a new process and port), after it stopped or was killed. */
  public void restart() {
    process = NodeProcess.start(id(), environment);
  }

  public String id() {
    return process.serverId();
  }

  /** The name of the PostgreSQL database this node runs on (for checks in the database itself). */
  public String databaseName() {
    return environment.get("DB_NAME");
  }

  public Answer join(String key) {
    return call(GAME.header(), SESSIONS + key, "POST", BodyPublishers.noBody(), null);
  }

  public Answer mergePatch(String key, String patch) {
    return call(GAME.header(), SESSIONS + key, "PATCH", BodyPublishers.ofString(patch), "application/merge-patch+json");
  }

  /** Appends {@code item} to the session's {@code items} array (JSON Patch), so every acknowledged update is unique. */
  Answer append(String key, String item) {
    String patch = Json.createArrayBuilder().add(Json.createObjectBuilder()
        .add("op", "add").add("path", "/items/-").add("value", item)).build().toString();
    return call(GAME.header(), SESSIONS + key, "PATCH", BodyPublishers.ofString(patch), "application/json-patch+json");
  }

  Answer save(String key) {
    return call(GAME.header(), SESSIONS + key + "/save", "POST", BodyPublishers.noBody(), null);
  }

  public Answer leave(String key) {
    return call(GAME.header(), SESSIONS + key, "DELETE", BodyPublishers.noBody(), null);
  }

  public Answer session(String key) {
    return call(GAME.header(), SESSIONS + key, "GET", BodyPublishers.noBody(), null);
  }

  /** The sessions this node holds (a JSON array). */
  public Answer sessions() {
    return call(GAME.header(), "/api/v1/sessions", "GET", BodyPublishers.noBody(), null);
  }

  /** The committed record and its lock, read as admin. */
  public Answer record(String key) {
    return call(ADMIN.header(), "/api/v1/stores/" + STORE + "/records/" + key, "GET", BodyPublishers.noBody(), null);
  }

  /** Restores the record as admin; {@code target} is {@code {"version": n}} or {@code {"at": "…"}}. */
  Answer restore(String key, String target) {
    return call(ADMIN.header(), "/api/v1/stores/" + STORE + "/records/" + key + "/restore", "POST",
        BodyPublishers.ofString(target), "application/json");
  }

  /** Edits the record as admin with a JSON Merge Patch (lock-safe). */
  Answer edit(String key, String mergePatch) {
    return call(ADMIN.header(), "/api/v1/stores/" + STORE + "/records/" + key, "PATCH",
        BodyPublishers.ofString(mergePatch), "application/merge-patch+json");
  }

  /** Starts a job over the store, as admin. */
  Answer startJob(String body) {
    return call(ADMIN.header(), "/api/v1/stores/" + STORE + "/jobs", "POST", BodyPublishers.ofString(body),
        "application/json");
  }

  /** A job and its progress, as admin. */
  Answer job(String id) {
    return call(ADMIN.header(), "/api/v1/jobs/" + id, "GET", BodyPublishers.noBody(), null);
  }

  /** Sends a JSON object to {@code key} as the game, with an Idempotency-Key (null: none); answers 202 when stored. */
  public Answer sendMessage(String key, String body, String idempotencyKey) {
    return call(GAME.header(), "/api/v1/stores/" + STORE + "/records/" + key + "/messages", "POST",
        BodyPublishers.ofString(body), "application/json", idempotencyKey);
  }

  /** Acks a pending message of the session with a JSON Patch (null: no body). */
  public Answer ack(String key, String messageId, String jsonPatch) {
    return call(GAME.header(), SESSIONS + key + "/messages/" + messageId + "/ack", "POST",
        jsonPatch == null ? BodyPublishers.noBody() : BodyPublishers.ofString(jsonPatch),
        jsonPatch == null ? null : "application/json-patch+json");
  }

  /** The messages pending for {@code key}, read as admin. */
  Answer messages(String key) {
    return call(ADMIN.header(), "/api/v1/stores/" + STORE + "/records/" + key + "/messages", "GET",
        BodyPublishers.noBody(), null);
  }

  /** Version {@code version} of the record, with its reason and data, read as admin. */
  Answer version(String key, long version) {
    return call(ADMIN.header(), "/api/v1/stores/" + STORE + "/records/" + key + "/versions/" + version, "GET",
        BodyPublishers.noBody(), null);
  }

  Answer ready() {
    return call(null, "/health/ready", "GET", BodyPublishers.noBody(), null);
  }

  /** A trade sent with an Idempotency-Key, so a repeat answers the first outcome. */
  public Answer tradeOnce(String body, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(process.uri("/api/v1/stores/" + STORE + "/trades"))
        .timeout(REQUEST_TIMEOUT).POST(BodyPublishers.ofString(body))
        .header("Authorization", GAME.header()).header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey);
    return send(request);
  }

  private Answer call(String authorization, String path, String method, BodyPublisher body, String mediaType) {
    return call(authorization, path, method, body, mediaType, null);
  }

  private Answer call(String authorization, String path, String method, BodyPublisher body, String mediaType,
      String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(process.uri(path)).timeout(REQUEST_TIMEOUT)
        .method(method, body);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (mediaType != null) {
      request.header("Content-Type", mediaType);
    }
    return send(request);
  }

  private Answer send(HttpRequest.Builder request) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), System.nanoTime() - started);
    } catch (IOException noAnswer) {
      // Killed, frozen past the timeout, or refusing connections: the scenario decides what that means.
      return new Answer(Answer.NO_ANSWER, noAnswer.toString(), System.nanoTime() - started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The node's current process (replaced by a restart). */
  public NodeProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }
}
