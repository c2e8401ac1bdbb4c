package dev.datamanager.it.fleet;

import dev.datamanager.it.fault.Answer;
import dev.datamanager.it.fault.FaultNode;
import dev.datamanager.it.trade.ItemTrade;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Two simulated players who trade with each other, driven one event at a time (so never two requests for the pair at
 * once): each event joins a player that is not held, brings it home after its node came back, or updates it, moves it
 * to another node (leave there, join here), trades an item between the two, or lets it leave. Pending gifts seen in
 * an answer are acked into the player's {@code gifts}.
 */
final class PlayerPair implements Runnable {

  /** Updates are this share of events; the rest teleport, trade and leave. */
  static final double UPDATE_SHARE = 0.85;
  private static final double TELEPORT_SHARE = 0.05;
  private static final double TRADE_SHARE = 0.07;
  private static final int TRADE_REPEATS = 3;

  private final Fleet fleet;
  private final Player[] players;
  private final double meanMillis;

  PlayerPair(Fleet fleet, int index, FaultNode home) {
    this.fleet = fleet;
    this.players = new Player[] {new Player(key(2 * index), home), new Player(key(2 * index + 1), home)};
    // Each player updates once per updateEvery on average: its events come UPDATE_SHARE times as often.
    this.meanMillis = fleet.settings().updateEvery().toMillis() * UPDATE_SHARE / players.length;
  }

  static String key(int player) {
    return "Fleet_" + player;
  }

  /** The first event falls somewhere within the ramp, so that the fleet does not join in one burst. */
  void start() {
    long ramp = fleet.settings().ramp().toMillis();
    fleet.clients.schedule(this, ThreadLocalRandom.current().nextLong(Math.max(1, ramp)),
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void run() {
    try {
      if (fleet.running()) {
        event();
      }
    } catch (RuntimeException e) {
      fleet.unexpected.incrementAndGet();
      System.err.println("Fleet client error: " + e);
    } finally {
      fleet.schedule(this, meanMillis);
    }
  }

  private void event() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Player player = players[random.nextInt(players.length)];
    if (player.at == null || fleet.down.contains(player.at)) {
      join(player, fleet.live(player.home));
      return;
    }
    if (player.at != player.home && !fleet.down.contains(player.home)) {
      teleport(player, player.home);
      return;
    }
    double dice = random.nextDouble();
    if (dice < UPDATE_SHARE) {
      update(player);
    } else if (dice < UPDATE_SHARE + TELEPORT_SHARE) {
      FaultNode to = fleet.other(player.at);
      if (to != null) {
        teleport(player, to);
      }
    } else if (dice < UPDATE_SHARE + TELEPORT_SHARE + TRADE_SHARE) {
      trade(player, players[player == players[0] ? 1 : 0]);
    } else {
      fleet.timed("leave", () -> player.at.leave(player.key));
      player.at = null;
    }
  }

  /** Joins {@code player} on {@code node}; a player joined for the first time gets its seq, gifts and items. */
  private boolean join(Player player, FaultNode node) {
    Answer joined = fleet.timed("join", () -> node.join(player.key));
    if (!joined.ok()) {
      player.at = null;
      return false;
    }
    player.at = node;
    JsonObject data = joined.data();
    if (data.containsKey("seq")) {
      fleet.ledger.joined(player.key, node.id(), data.getJsonNumber("seq").longValue());
      player.initialized = true;
      player.seq = Math.max(player.seq, data.getJsonNumber("seq").longValue());
    } else if (player.initAcknowledged) {
      fleet.ledger.joined(player.key, node.id(), -1); // its acknowledged starting state is gone: reported
    } else {
      initialize(player);
    }
    ackGifts(player, joined);
    return player.at != null; // a refused ack lets go of the session
  }

  private void initialize(Player player) {
    List<String> items = List.of(player.key + "-i0", player.key + "-i1");
    fleet.ledger.itemsSent(player.key, items);
    String patch = Json.createObjectBuilder().add("seq", 0).add("gifts", JsonValue.EMPTY_JSON_ARRAY)
        .add("items", Json.createArrayBuilder(items)).build().toString();
    Answer answer = fleet.timed("init", () -> player.at.mergePatch(player.key, patch));
    if (answer.ok()) {
      player.initialized = true;
      player.initAcknowledged = true;
      fleet.ledger.itemsAcknowledged(player.key, items);
    } else {
      lost(player, answer);
    }
  }

  private void update(Player player) {
    if (!player.initialized) {
      initialize(player);
      return;
    }
    long seq = ++player.seq;
    fleet.ledger.sent(player.key, seq);
    Answer answer = fleet.timed("update", () -> player.at.mergePatch(player.key, "{\"seq\":" + seq + "}"));
    if (answer.ok()) {
      fleet.ledger.acknowledged(player.key, seq, System.currentTimeMillis());
      ackGifts(player, answer);
    } else {
      lost(player, answer);
    }
  }

  /** Leave on the player's node, join on {@code to}: the path a player takes between servers of a game. */
  private void teleport(Player player, FaultNode to) {
    long started = System.nanoTime();
    Answer left = fleet.timed("leave", () -> player.at.leave(player.key));
    player.at = null;
    if (left.status() == 204 && join(player, to)) {
      fleet.latencies().record("teleport", 200, System.nanoTime() - started);
    }
  }

  /** Brings {@code other} to the player's node if needed, then gives one item from whichever of the two has one. */
  private void trade(Player player, Player other) {
    if (!player.initialized || !other.initialized) {
      return;
    }
    if (other.at != player.at) {
      if (other.at != null) {
        fleet.timed("leave", () -> other.at.leave(other.key));
        other.at = null;
      }
      if (!join(other, player.at)) {
        return;
      }
    }
    Player giver = player;
    Player receiver = other;
    List<String> items = items(giver);
    if (items != null && items.isEmpty()) {
      giver = other;
      receiver = player;
      items = items(giver);
    }
    if (items == null || items.isEmpty()) {
      return;
    }
    int index = ThreadLocalRandom.current().nextInt(items.size());
    String body = ItemTrade.move(giver.key, index, items.get(index), receiver.key);
    String idempotencyKey = UUID.randomUUID().toString();
    FaultNode node = giver.at;
    Answer answer = fleet.timed("trade", () -> node.tradeOnce(body, idempotencyKey));
    for (int repeat = 0; answer.tradeOutcomeUnknown() && repeat < TRADE_REPEATS; repeat++) {
      pause(1000);
      FaultNode to = fleet.live(node);
      answer = fleet.timed("trade-repeat", () -> to.tradeOnce(body, idempotencyKey));
    }
    if (!answer.ok() && answer.status() != 409) {
      giver.at = null;
      receiver.at = null;
    }
  }

  /** The giver's items as its node holds them, or null when the node no longer holds the session. */
  private List<String> items(Player giver) {
    if (giver.at == null) {
      return null;
    }
    Answer session = fleet.timed("read", () -> giver.at.session(giver.key));
    if (!session.ok()) {
      lost(giver, session);
      return null;
    }
    return StoredState.strings(session.data(), "items");
  }

  /** Acks each gift pending in a session answer, applying it to {@code gifts} in the same step. */
  private void ackGifts(Player player, Answer answer) {
    JsonObject session = answer.json();
    if (!session.containsKey("messages") || player.at == null) {
      return;
    }
    JsonArray messages = session.getJsonArray("messages");
    for (JsonValue value : messages) {
      JsonObject message = value.asJsonObject();
      JsonObject body = message.getJsonObject("body");
      if (!body.containsKey("gift")) {
        continue;
      }
      String gift = body.getString("gift");
      String patch = Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "add")
          .add("path", "/gifts/-").add("value", gift)).build().toString();
      FaultNode node = player.at;
      Answer acked = fleet.timed("ack", () -> node.ack(player.key, message.getString("id"), patch));
      if (acked.ok()) {
        fleet.ledger.giftAcked(player.key, gift);
      } else if (acked.status() != 404) {
        lost(player, acked);
        return;
      }
    }
  }

  /** After a refusal or no answer the client no longer counts on the node holding the session; it joins again. */
  private static void lost(Player player, Answer answer) {
    if (answer.status() != 400 && answer.status() != 422) {
      player.at = null;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One simulated player: its key, home node, where it is held now (null: nowhere) and its last sequence sent. */
  static final class Player {
    final String key;
    final FaultNode home;
    volatile FaultNode at;
    long seq;
    boolean initialized;
    boolean initAcknowledged;

    Player(String key, FaultNode home) {
      this.key = key;
      this.home = home;
    }
  }
}
