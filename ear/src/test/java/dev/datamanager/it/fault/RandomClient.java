package dev.datamanager.it.fault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A game client with keys of its own that joins, patches, saves, leaves, teleports and steals them across nodes at
 * random until a deadline, logging every operation with the node's answer.
 */
final class RandomClient implements Runnable {

  /** Where this client believes one of its keys is held, and what that node acknowledged since the join. */
  private record Held(FaultNode node, long generation, List<String> items) {}

  private final String name;
  private final List<FaultNode> nodes;
  private final Set<FaultNode> dead;
  private final List<String> keys;
  private final long deadlineNanos;
  private final ConcurrentLinkedQueue<Operation> log;
  private final AtomicLong sequence;
  private final Random random;
  private final Map<String, Held> held = new HashMap<>();
  private int items;

  RandomClient(String name, List<FaultNode> nodes, Set<FaultNode> dead, List<String> keys, long deadlineNanos,
      ConcurrentLinkedQueue<Operation> log, AtomicLong sequence, long seed) {
    this.name = name;
    this.nodes = nodes;
    this.dead = dead;
    this.keys = keys;
    this.deadlineNanos = deadlineNanos;
    this.log = log;
    this.sequence = sequence;
    this.random = new Random(seed);
  }

  @Override
  public void run() {
    while (System.nanoTime() < deadlineNanos) {
      step(keys.get(random.nextInt(keys.size())));
    }
    for (String key : List.copyOf(held.keySet())) {
      leave(key);
    }
  }

  private void step(String key) {
    Held session = held.get(key);
    if (session == null) {
      join(key, anyLiveNode(null));
      return;
    }
    int dice = random.nextInt(100);
    if (dice < 55) {
      patch(key, session);
    } else if (dice < 70) {
      save(key, session);
    } else if (dice < 80) {
      leave(key);
    } else if (dice < 92) {
      if (leave(key)) {
        join(key, anyLiveNode(session.node()));
      }
    } else {
      join(key, anyLiveNode(session.node())); // meets a live owner: handoff, or refused
    }
  }

  private void join(String key, FaultNode node) {
    Answer answer = node.join(key);
    long generation = answer.ok() ? answer.generation() : -1;
    record(node, key, "join", answer, generation, -1, List.of());
    if (answer.ok()) {
      held.put(key, new Held(node, generation, new ArrayList<>()));
    }
  }

  private void patch(String key, Held session) {
    String item = name + "-" + (items++);
    Answer answer = session.node().append(key, item);
    record(session.node(), key, "patch", answer, answer.ok() ? answer.generation() : session.generation(), -1,
        List.of(item));
    if (answer.ok()) {
      session.items().add(item);
    } else {
      forgetIfGone(key, answer);
    }
  }

  private void save(String key, Held session) {
    Answer answer = session.node().save(key);
    record(session.node(), key, "save", answer, answer.ok() ? answer.generation() : session.generation(),
        answer.ok() ? answer.version() : -1, List.copyOf(session.items()));
    forgetIfGone(key, answer);
  }

  private boolean leave(String key) {
    Held session = held.get(key);
    Answer answer = session.node().leave(key);
    record(session.node(), key, "leave", answer, session.generation(), -1, List.copyOf(session.items()));
    if (answer.status() == 204) {
      held.remove(key);
      return true;
    }
    forgetIfGone(key, answer);
    return false;
  }

  /** Lost (409), not held (404) or a node that does not answer: the client no longer counts on that session. */
  private void forgetIfGone(String key, Answer answer) {
    if (answer.status() == 409 || answer.status() == 404 || answer.status() == Answer.NO_ANSWER) {
      held.remove(key);
    }
  }

  private FaultNode anyLiveNode(FaultNode not) {
    List<FaultNode> live = nodes.stream().filter(n -> !dead.contains(n) && n != not).toList();
    return live.isEmpty() ? not : live.get(random.nextInt(live.size()));
  }

  private void record(FaultNode node, String key, String kind, Answer answer, long generation, long version,
      List<String> items) {
    log.add(new Operation(sequence.incrementAndGet(), node.id(), key, kind, answer.status(), generation, version,
        items));
  }
}
