package dev.datamanager.it.fault;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One of several game clients sharing a group of keys: it joins, appends unique ids, saves, leaves, teleports and
 * hands keys over across nodes at random, as fast as answers come, and logs every answer; any answer is legal.
 */
final class RandomClient implements Runnable {

  /** Where the clients of a group last saw a key joined, and under which generation. */
  record Held(FaultNode node, long generation) {}

  private final String name;
  private final List<FaultNode> nodes;
  private final Set<FaultNode> down;
  private final List<String> keys;
  private final Map<String, Held> holders;
  private final BooleanSupplier running;
  private final Queue<Operation> log;
  private final Random random;
  private int items;

  RandomClient(String name, List<FaultNode> nodes, Set<FaultNode> down, List<String> keys, Map<String, Held> holders,
      BooleanSupplier running, Queue<Operation> log, long seed) {
    this.name = name;
    this.nodes = nodes;
    this.down = down;
    this.keys = keys;
    this.holders = holders;
    this.running = running;
    this.log = log;
    this.random = new Random(seed);
  }

  @Override
  public void run() {
    while (running.getAsBoolean()) {
      step(keys.get(random.nextInt(keys.size())));
    }
  }

  private void step(String key) {
    Held held = holders.get(key);
    if (held == null || down.contains(held.node())) {
      join(key, anyLiveNode(null));
      return;
    }
    int dice = random.nextInt(100);
    if (dice < 60) {
      String item = name + "-" + items++;
      send(held, key, "patch", item, () -> held.node().append(key, item));
    } else if (dice < 70) {
      send(held, key, "save", null, () -> held.node().save(key));
    } else if (dice < 78) {
      send(held, key, "leave", null, () -> held.node().leave(key));
    } else if (dice < 88) {
      if (send(held, key, "leave", null, () -> held.node().leave(key)) == 204) {
        join(key, anyLiveNode(held.node())); // teleport
      }
    } else {
      join(key, anyLiveNode(held.node())); // meets a live owner: handoff, or refused
    }
  }

  private void join(String key, FaultNode node) {
    Operation op = Operation.send(node, key, "join", null, -1, () -> node.join(key));
    log.add(op);
    if (op.acknowledged()) {
      holders.put(key, new Held(node, op.generation()));
    }
  }

  /** Sends a request to where {@code held} says the key is; forgets that place once it is gone, lost or left. */
  private int send(Held held, String key, String kind, String item, Supplier<Answer> request) {
    Operation op = Operation.send(held.node(), key, kind, item, held.generation(), request);
    log.add(op);
    if (op.status() == 204 || op.status() == 404 || op.status() == 409 || op.status() == Answer.NO_ANSWER) {
      holders.remove(key, held);
    }
    return op.status();
  }

  private FaultNode anyLiveNode(FaultNode not) {
    List<FaultNode> live = nodes.stream().filter(n -> !down.contains(n) && n != not).toList();
    return live.isEmpty() ? nodes.get(random.nextInt(nodes.size())) : live.get(random.nextInt(live.size()));
  }
}
