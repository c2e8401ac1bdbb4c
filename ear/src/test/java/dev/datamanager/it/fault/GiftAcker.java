package dev.datamanager.it.fault;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The game on the owner: reads the session and acks each pending gift with a JSON Patch that appends its gift id to
 * {@code items}, until stopped or the node stops answering.
 */
final class GiftAcker implements AutoCloseable {

  private final AtomicInteger acked = new AtomicInteger();
  private final Thread thread;
  private volatile boolean stopped;

  private GiftAcker(FaultNode owner, String key) {
    thread = new Thread(() -> loop(owner, key), "gift-acker-" + key);
    thread.setDaemon(true);
  }

  static GiftAcker start(FaultNode owner, String key) {
    GiftAcker acker = new GiftAcker(owner, key);
    acker.thread.start();
    return acker;
  }

  private void loop(FaultNode owner, String key) {
    while (!stopped) {
      Answer session = owner.session(key);
      if (!session.ok()) {
        return; // killed, or the session is gone
      }
      for (JsonValue pending : session.json().getJsonArray("messages")) {
        int status = ack(owner, key, pending.asJsonObject());
        if (status == 200) {
          acked.incrementAndGet();
        } else if (status == Answer.NO_ANSWER) {
          return;
        }
      }
    }
  }

  /** Acks one gift; answers the status. */
  static int ack(FaultNode owner, String key, JsonObject message) {
    String patch = Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "add").add("path", "/items/-")
        .add("value", message.getJsonObject("body").getString("gift"))).build().toString();
    Answer answer = owner.ack(key, message.getString("id"), patch);
    if (answer.ok()) {
      return 200;
    }
    // 404: consumed meanwhile by nothing else here, so only after a kill; 409: the session is leaving or lost.
    if (answer.status() != Answer.NO_ANSWER && answer.status() != 404 && answer.status() != 409) {
      throw new AssertionError("ack of " + message + " answered " + answer);
    }
    return answer.status();
  }

  int acked() {
    return acked.get();
  }

  @Override
  public void close() {
    stopped = true;
    try {
      thread.join(70_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
