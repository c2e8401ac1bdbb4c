package dev.datamanager.it.fault;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A background client that appends a numbered, unique item to one session at a steady pace and logs each answer. */
final class PatchStream implements AutoCloseable {

  /** The pace of a game client patching a player now and then. */
  static final Duration STEADY = Duration.ofMillis(50);
  /** Each patch sent as soon as the previous one is answered. */
  static final Duration FLAT_OUT = Duration.ZERO;
  private static final Duration AT_MOST = Duration.ofMinutes(2);

  private final List<Operation> log = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  private PatchStream(FaultNode node, String key, String prefix, Duration pace) {
    thread = new Thread(() -> loop(node, key, prefix, pace), "patch-stream-" + key);
    thread.setDaemon(true);
  }

  static PatchStream start(FaultNode node, String key, String prefix) {
    return start(node, key, prefix, STEADY);
  }

  static PatchStream start(FaultNode node, String key, String prefix, Duration pace) {
    PatchStream stream = new PatchStream(node, key, prefix, pace);
    stream.thread.start();
    return stream;
  }

  private void loop(FaultNode node, String key, String prefix, Duration pace) {
    long deadline = System.nanoTime() + AT_MOST.toNanos();
    for (int n = 0; !stopped && System.nanoTime() < deadline; n++) {
      String item = prefix + n;
      log.add(Operation.send(node, key, "patch", item, -1, () -> node.append(key, item)));
      try {
        Thread.sleep(pace.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Every patch sent so far. */
  List<Operation> log() {
    return List.copyOf(log);
  }

  /** Stops the stream and waits (bounded) for the patch in flight. */
  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(Duration.ofSeconds(70).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
