package dev.datamanager.client;

import dev.datamanager.api.message.MessageAckResource;
import dev.datamanager.api.message.MessageResource;
import dev.datamanager.api.message.MessageSent;
import dev.datamanager.api.session.RecordResource;
import dev.datamanager.api.session.RecordView;
import dev.datamanager.api.session.SessionResource;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.api.trade.TradeResource;
import dev.datamanager.api.trade.TradeResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.client.jaxrs.ResteasyClient;
import org.jboss.resteasy.client.jaxrs.ResteasyWebTarget;

/**
 * A game server's connection to one DataManager node: typed calls over the API's own interfaces, problems as typed
 * exceptions ({@link DataManagerProblem} and its subclasses, {@link NodeUnreachable}), safe repeats built in (see
 * {@link RetryPolicy}). Thread-safe; make one per node, share it, and close it at shutdown. Calls block: make them
 * off the game's main thread.
 */
public final class DataManagerClient implements AutoCloseable {

  private final ResteasyClient http;
  private final RetryLoop calls;
  private final ClientListener listener;
  private final JsonProvider json;
  private final SessionResource sessions;
  private final RecordResource records;
  private final MessageResource messages;
  private final MessageAckResource acks;
  private final TradeResource trades;

  DataManagerClient(ResteasyClient http, URI baseUri, RetryLoop calls, ClientListener listener) {
    this.http = http;
    ResteasyWebTarget api = http.target(baseUri).path("api/v1");
    this.calls = calls;
    this.listener = listener;
    this.json = JsonProvider.provider();
    this.sessions = api.proxy(SessionResource.class);
    this.records = api.proxy(RecordResource.class);
    this.messages = api.proxy(MessageResource.class);
    // The ack takes any body (none, merge patch, JSON Patch) and names its type in a Content-Type parameter.
    this.acks = api.proxyBuilder(MessageAckResource.class).defaultConsumes(MediaType.WILDCARD).build();
    this.trades = api.proxy(TradeResource.class);
  }

  public static DataManagerClientBuilder builder() {
    return new DataManagerClientBuilder();
  }

  /** Loads and locks the record on this node; a {@link SessionRefused} is repeated after its Retry-After. */
  public SessionView join(String store, String key) {
    SessionView session = calls.run("join " + store + "/" + key, () -> sessions.join(store, key));
    listener.joined(session);
    return session;
  }

  /** The session as this node holds it in RAM, with its pending messages. */
  public SessionView get(String store, String key) {
    return calls.run("get " + store + "/" + key, () -> sessions.get(store, key));
  }

  /** Changes the held session with a JSON Merge Patch (RFC 7396); {@code null} members remove. */
  public SessionView mergePatch(String store, String key, JsonObject patch) {
    return calls.run("merge patch " + store + "/" + key, () -> sessions.mergePatch(store, key, patch));
  }

  /** Changes the held session with a JSON Patch (RFC 6902); {@code test} operations make it conditional. */
  public SessionView jsonPatch(String store, String key, JsonArray patch) {
    return calls.run("JSON Patch " + store + "/" + key, () -> sessions.jsonPatch(store, key, patch));
  }

  /** Commits the session now; the answer carries the new version. */
  public SessionView save(String store, String key) {
    return calls.run("save " + store + "/" + key, () -> sessions.save(store, key));
  }

  /** Saves and releases the session, so another server can join the record. */
  public void leave(String store, String key) {
    calls.run("leave " + store + "/" + key, () -> {
      sessions.leave(store, key);
      return null;
    });
    listener.left(store, key);
  }

  /** Replaces the user ids the record holds data about (at most 32); saved with the session's next save. */
  public SessionView setUserIds(String store, String key, List<String> userIds) {
    JsonArrayBuilder ids = json.createArrayBuilder();
    userIds.forEach(ids::add);
    JsonArray body = ids.build();
    return calls.run("set user ids of " + store + "/" + key, () -> sessions.replaceUserIds(store, key, body));
  }

  /** Sends a message (a JSON object) to a record, held or not, existing or not. */
  public MessageSent send(String store, String key, JsonObject message) {
    return send(store, key, message, null);
  }

  /** Sends a message; a repeat with the same {@code idempotencyKey} within 24 h answers the first and adds none. */
  public MessageSent send(String store, String key, JsonObject message, String idempotencyKey) {
    return calls.run("send a message to " + store + "/" + key,
        () -> read(messages.send(store, key, idempotencyKey, message), MessageSent.class));
  }

  /** Consumes a pending message of a held session. */
  public SessionView ack(String store, String key, String messageId) {
    return ack(store, key, messageId, null, null);
  }

  /** Consumes a pending message and applies a merge patch in the same step: both are saved, or neither. */
  public SessionView ack(String store, String key, String messageId, JsonObject mergePatch) {
    return ack(store, key, messageId, SessionResource.MERGE_PATCH, mergePatch);
  }

  /** Consumes a pending message and applies a JSON Patch in the same step: both are saved, or neither. */
  public SessionView ack(String store, String key, String messageId, JsonArray jsonPatch) {
    return ack(store, key, messageId, SessionResource.JSON_PATCH, jsonPatch);
  }

  /**
   * Changes several held sessions all or not at all, in one commit. It is sent with a fresh Idempotency-Key, so a
   * {@code 504} outcome-unknown is repeated safely; if it is still unknown, {@link TradeOutcomeUnknown} carries it.
   */
  public TradeResult trade(String store, List<TradeChange> changes) {
    return trade(store, UUID.randomUUID().toString(), changes);
  }

  /** A trade under the caller's Idempotency-Key: a repeat within 24 h answers the first outcome and trades once. */
  public TradeResult trade(String store, String idempotencyKey, List<TradeChange> changes) {
    JsonArrayBuilder sides = json.createArrayBuilder();
    changes.forEach(change -> sides.add(json.createObjectBuilder().add("key", change.key())
        .add("patch", change.patch())));
    JsonObject body = json.createObjectBuilder().add("changes", sides).build();
    return calls.run("trade in " + store,
        () -> read(trades.trade(store, idempotencyKey, body), TradeResult.class));
  }

  /** The committed record and its lock, without a session; needs an admin or support user. */
  public RecordView record(String store, String key) {
    return calls.run("read record " + store + "/" + key, () -> records.get(store, key));
  }

  @Override
  public void close() {
    http.close();
  }

  private SessionView ack(String store, String key, String messageId, String mediaType, JsonStructure patch) {
    byte[] body = patch == null ? null : patch.toString().getBytes(StandardCharsets.UTF_8);
    return calls.run("ack message " + messageId + " of " + store + "/" + key, () -> acks.ack(store, key, messageId,
        mediaType, body == null ? null : new ByteArrayInputStream(body)));
  }

  private static <T> T read(Response response, Class<T> type) {
    try (response) {
      return response.readEntity(type);
    }
  }
}
