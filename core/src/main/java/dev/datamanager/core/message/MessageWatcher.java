package dev.datamanager.core.message;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.message.MessageView;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.persistence.message.PendingMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The owner's poll: makes the inbox of every held session what the database holds for its record (new messages in,
 * deleted ones out), never bringing back one consumed in RAM and not yet committed; a join fills its inbox at once.
 */
@ApplicationScoped
public class MessageWatcher {

  private static final Logger LOG = Logger.getLogger(MessageWatcher.class.getName());

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject MessageTables tables;
  @Inject SessionRegistry registry;
  @Inject NodeMetrics metrics;

  /** A held session and where its inbox was before the database was read. */
  private record Seen(RecordKey key, HeldSession session, long epoch) {}

  @PostConstruct
  void registerMetrics() {
    metrics.messagesSent(0);
    metrics.messagesDelivered(0);
    metrics.messagesConsumed(0);
    metrics.gauge("datamanager_messages_pending",
        () -> registry.entries().stream().mapToLong(e -> e.getValue().messageCount()).sum());
  }

  /** One poll; never throws, so the schedule that runs it is never cancelled by a failure. */
  public void poll() {
    try {
      // Only sessions held before the read: a session joined after it filled its inbox itself.
      List<Seen> seen = registry.entries().stream()
          .map(e -> new Seen(e.getKey(), e.getValue(), e.getValue().inboxEpoch())).toList();
      if (seen.isEmpty()) {
        return;
      }
      List<PendingMessage> held = database.poll("look for messages",
          () -> tables.messages().pendingHeldBy(settings.serverId()));
      Map<RecordKey, List<PendingMessage>> byKey = new HashMap<>();
      held.forEach(message -> byKey.computeIfAbsent(message.key(), k -> new ArrayList<>()).add(message));
      Set<String> unknown = new HashSet<>();
      for (Seen one : seen) {
        List<String> ids = byKey.getOrDefault(one.key(), List.of()).stream().map(PendingMessage::id).toList();
        unknown.addAll(one.session().unknownMessages(ids));
      }
      Map<String, String> bodies = database.poll("read new messages", () -> tables.messages().bodies(unknown));
      for (Seen one : seen) {
        deliver(one, byKey.getOrDefault(one.key(), List.of()), bodies);
      }
    } catch (DataManagerException e) {
      LOG.fine(() -> "Message poll failed: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Message poll failed; polling goes on", e);
    }
  }

  private void deliver(Seen one, List<PendingMessage> pending, Map<String, String> bodies) {
    List<MessageView> current = new ArrayList<>(pending.size());
    for (PendingMessage message : pending) {
      MessageView known = one.session().pendingMessage(message.id());
      String body = bodies.get(message.id());
      if (known != null) {
        current.add(known);
      } else if (body != null) {
        current.add(MessageViews.of(new PendingMessage(message.key(), message.id(), message.sentAt(), body)));
      }
      // Neither: consumed here, or deleted since the first read; either way not pending in this inbox.
    }
    metrics.messagesDelivered(one.session().deliver(one.epoch(), current));
  }

  /** Fills the inbox of a session just joined with its record's pending messages; a failure leaves it to the poll. */
  public void loadAtJoin(RecordKey key, HeldSession session) {
    try {
      long epoch = session.inboxEpoch();
      List<MessageView> pending = database.call("read the messages of " + key, () -> tables.messages().pending(key))
          .stream().map(MessageViews::of).toList();
      metrics.messagesDelivered(session.deliver(epoch, pending));
    } catch (RuntimeException e) {
      LOG.warning(() -> "Messages of " + key + " not read at join; the next poll brings them: " + e.getMessage());
    }
  }
}
