package dev.datamanager.core.message;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.idempotency.IdempotencyStore;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Every five minutes deletes messages older than {@code datamanager.messages.keep} and idempotency answers older than
 * 24 hours, in short batches. Every node prunes; passes of several nodes may meet and are safe together.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessagePruneTimer {

  private static final Logger LOG = Logger.getLogger(MessagePruneTimer.class.getName());
  private static final int BATCH = 500;
  private static final int BATCHES = 20;

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject MessageTables tables;

  private final AtomicBoolean running = new AtomicBoolean();

  // Not persistent: a persistent automatic timer exists once per shared timer database.
  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void tick() {
    // No check of the node's state: the lifecycle polls this package's watcher, and a pass is short and bounded.
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      int messages = 0;
      int answers = 0;
      for (int i = 0; i < BATCHES; i++) {
        int done = database.background("prune old messages",
            () -> tables.messages().prune(settings.messagesKeep(), BATCH));
        messages += done;
        if (done < BATCH) {
          break;
        }
      }
      // The window is judged by this node's clock here; a few seconds of skew only keep an answer a little longer.
      Instant before = Instant.now().minus(IdempotencyStore.WINDOW).minusSeconds(60);
      for (int i = 0; i < BATCHES; i++) {
        int done = database.background("prune idempotency answers", () -> tables.idempotency().prune(before, BATCH));
        answers += done;
        if (done < BATCH) {
          break;
        }
      }
      int m = messages;
      int a = answers;
      LOG.fine(() -> "Pruned " + m + " old messages and " + a + " idempotency answers");
    } catch (DataManagerException e) {
      LOG.warning(() -> "Message pruning stopped; the next pass goes on: " + e.getMessage());
    } finally {
      running.set(false);
    }
  }
}
