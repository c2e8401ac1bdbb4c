package dev.datamanager.it.fleet;

import dev.datamanager.it.fault.Answer;
import dev.datamanager.it.fault.FaultNode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends gift messages {@code {"gift": "<unique id>"}} to random players through a random live node, each with its
 * gift id as Idempotency-Key, repeating one that got no answer or a 503 a few times.
 */
final class Mailer implements Runnable {

  private static final int REPEATS = 3;
  private static final AtomicLong GIFTS = new AtomicLong();

  private final Fleet fleet;
  private final double meanMillis;

  Mailer(Fleet fleet, double meanMillis) {
    this.fleet = fleet;
    this.meanMillis = meanMillis;
  }

  @Override
  public void run() {
    try {
      if (fleet.running()) {
        send();
      }
    } catch (RuntimeException e) {
      fleet.unexpected.incrementAndGet();
      System.err.println("Fleet mailer error: " + e);
    } finally {
      fleet.schedule(this, meanMillis);
    }
  }

  private void send() {
    String key = PlayerPair.key(ThreadLocalRandom.current().nextInt(fleet.settings().players()));
    String gift = "gift-" + GIFTS.incrementAndGet();
    String body = "{\"gift\":\"" + gift + "\"}";
    fleet.ledger.giftSent(key, gift);
    for (int attempt = 0; attempt <= REPEATS; attempt++) {
      FaultNode node = fleet.live(null);
      Answer sent = fleet.timed(attempt == 0 ? "send" : "send-repeat", () -> node.sendMessage(key, body, gift));
      if (sent.status() == 202) {
        fleet.ledger.giftStored(key, gift);
        return;
      }
      if (sent.status() != Answer.NO_ANSWER && sent.status() != 503) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
