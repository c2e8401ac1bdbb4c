package dev.datamanager.it.fault;

import dev.datamanager.it.trade.ItemTrade;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A game client that trades one item at a time between two players: it joins both on one node (a join elsewhere
 * hands a player over), reads where the giver holds an item, and trades it with a {@code test} that the item is
 * still there; now and then it dirties a player or lets one leave. Every trade and its answer is logged.
 */
final class TradingClient implements Runnable {

  /** A trade sent: to which node, with what body, and what came back; a repeat resent a trade of unknown outcome. */
  record Attempt(String node, String body, Answer answer, boolean repeat) {}

  // A 504 is settled by the owner's poll within a few seconds once the database answers; a kill ends it sooner.
  private static final int REPEATS = 5;
  private static final long REPEAT_PAUSE_MILLIS = 1500;

  private final List<FaultNode> nodes;
  private final Set<FaultNode> down;
  private final List<String> players;
  private final Map<String, FaultNode> holders;
  private final BooleanSupplier running;
  private final Queue<Attempt> log;
  private final Random random;

  TradingClient(List<FaultNode> nodes, Set<FaultNode> down, List<String> players, Map<String, FaultNode> holders,
      BooleanSupplier running, Queue<Attempt> log, long seed) {
    this.nodes = nodes;
    this.down = down;
    this.players = players;
    this.holders = holders;
    this.running = running;
    this.log = log;
    this.random = new Random(seed);
  }

  @Override
  public void run() {
    while (running.getAsBoolean()) {
      int first = random.nextInt(players.size());
      int second = (first + 1 + random.nextInt(players.size() - 1)) % players.size();
      step(players.get(first), players.get(second));
    }
  }

  private void step(String giver, String receiver) {
    FaultNode node = holders.get(giver);
    if (node == null || down.contains(node) || random.nextInt(100) < 20) {
      node = anyLiveNode(); // the game moves both players to one node: here, wherever the dice say
    }
    if (!heldOn(node, giver) || !heldOn(node, receiver)) {
      return;
    }
    Answer session = node.session(giver);
    if (!session.ok()) {
      holders.remove(giver, node);
      return;
    }
    List<String> items = session.data().getJsonArray("items").getValuesAs(JsonString::getString);
    int dice = random.nextInt(100);
    if (dice < 10) {
      node.mergePatch(giver, "{\"coins\":" + random.nextInt(1_000_000) + "}"); // dirty: autosave has work to do
    } else if (dice < 18) {
      if (node.leave(receiver).status() == 204) {
        holders.remove(receiver, node); // the next trade joins it wherever it is taken
      }
      return;
    }
    if (items.isEmpty()) {
      return;
    }
    int index = random.nextInt(items.size());
    String body = ItemTrade.move(giver, index, items.get(index), receiver);
    String idempotencyKey = UUID.randomUUID().toString();
    Answer answer = node.tradeOnce(body, idempotencyKey);
    log.add(new Attempt(node.id(), body, answer, false));
    for (int repeat = 0; answer.tradeOutcomeUnknown() && repeat < REPEATS && running.getAsBoolean(); repeat++) {
      FrozenOwner.sleep(Duration.ofMillis(REPEAT_PAUSE_MILLIS));
      FaultNode to = down.contains(node) ? anyLiveNode() : node; // another node reads the remembered answer too
      answer = to.tradeOnce(body, idempotencyKey);
      log.add(new Attempt(to.id(), body, answer, true));
    }
    if (answer.status() == 409 || answer.status() == Answer.NO_ANSWER) {
      holders.remove(giver, node);
      holders.remove(receiver, node);
    }
  }

  /** Joins {@code key} on {@code node} unless the clients last joined it there; whether it is held there now. */
  private boolean heldOn(FaultNode node, String key) {
    if (holders.get(key) == node) {
      return true;
    }
    if (node.join(key).ok()) {
      holders.put(key, node);
      return true;
    }
    return false;
  }

  private FaultNode anyLiveNode() {
    List<FaultNode> live = nodes.stream().filter(n -> !down.contains(n)).toList();
    return live.isEmpty() ? nodes.get(random.nextInt(nodes.size())) : live.get(random.nextInt(live.size()));
  }
}
