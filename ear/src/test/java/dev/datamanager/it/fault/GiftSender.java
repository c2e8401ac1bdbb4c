package dev.datamanager.it.fault;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A background client that sends gift messages {@code {"gift": "<unique id>"}} to one key, each with its gift id as
 * Idempotency-Key, retrying a send that got no answer or a 503 (on whichever node is up) until it is answered 202.
 */
final class GiftSender implements AutoCloseable {

  private static final Duration PACE = Duration.ofMillis(60);
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private final Set<String> attempted = ConcurrentHashMap.newKeySet();
  private final List<String> stored = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  private GiftSender(String key, Supplier<FaultNode> via) {
    thread = new Thread(() -> loop(key, via), "gift-sender-" + key);
    thread.setDaemon(true);
  }

  /** Starts sending to {@code key} through the node {@code via} names at each attempt. */
  static GiftSender start(String key, Supplier<FaultNode> via) {
    GiftSender sender = new GiftSender(key, via);
    sender.thread.start();
    return sender;
  }

  private void loop(String key, Supplier<FaultNode> via) {
    for (int n = 0; !stopped; n++) {
      String gift = "gift-" + n;
      attempted.add(gift);
      long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (System.nanoTime() < deadline) {
        Answer sent = via.get().sendMessage(key, "{\"gift\":\"" + gift + "\"}", gift);
        if (sent.status() == 202) {
          stored.add(gift);
          break;
        }
        if (sent.status() != Answer.NO_ANSWER && sent.status() != 503 && sent.status() != 409) {
          throw new AssertionError("send of " + gift + " answered " + sent);
        }
        pause(Duration.ofMillis(200)); // a killed node, or a full inbox while the owner is down
      }
      pause(PACE);
    }
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every gift answered 202. */
  List<String> stored() {
    return List.copyOf(stored);
  }

  /** Every gift a send was attempted for (a send without an answer may have stored it). */
  Set<String> attempted() {
    return Set.copyOf(attempted);
  }

  /** Stops sending after the gift in flight is stored (bounded). */
  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(GIVE_UP.plusSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
