package dev.datamanager.it.fault;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A background client that appends a numbered item to one session every few milliseconds and logs each answer. */
final class PatchStream implements AutoCloseable {

  /** One patch: its item, when it was sent and answered ({@link System#nanoTime()}), and the answer's status. */
  record Sent(String item, long sentNanos, long answeredNanos, int status) {}

  private static final Duration EVERY = Duration.ofMillis(50);
  private static final Duration AT_MOST = Duration.ofMinutes(2);

  private final List<Sent> log = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  private PatchStream(FaultNode node, String key, String prefix) {
    thread = new Thread(() -> loop(node, key, prefix), "patch-stream-" + key);
    thread.setDaemon(true);
  }

  static PatchStream start(FaultNode node, String key, String prefix) {
    PatchStream stream = new PatchStream(node, key, prefix);
    stream.thread.start();
    return stream;
  }

  private void loop(FaultNode node, String key, String prefix) {
    long deadline = System.nanoTime() + AT_MOST.toNanos();
    for (int n = 0; !stopped && System.nanoTime() < deadline; n++) {
      String item = prefix + n;
      long sent = System.nanoTime();
      Answer answer = node.append(key, item);
      log.add(new Sent(item, sent, System.nanoTime(), answer.status()));
      try {
        Thread.sleep(EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Every patch sent so far. */
  List<Sent> log() {
    return List.copyOf(log);
  }

  /** Stops the stream and waits (bounded) for the patch in flight. */
  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
