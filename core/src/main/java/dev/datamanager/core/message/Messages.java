package dev.datamanager.core.message;

import dev.datamanager.api.error.MessageNotPendingException;
import dev.datamanager.api.error.MessageTooLargeException;
import dev.datamanager.api.message.MessageList;
import dev.datamanager.api.message.MessageSent;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.core.template.TemplateCatalog;
import dev.datamanager.persistence.idempotency.IdempotencyStore;
import dev.datamanager.persistence.message.IdempotentAnswer;
import dev.datamanager.persistence.message.NewMessage;
import dev.datamanager.persistence.message.PendingMessage;
import dev.datamanager.persistence.record.OneWayHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sends messages to records (once per idempotency key), and lists and deletes the pending ones for admins. */
@ApplicationScoped
public class Messages {

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject MessageTables tables;
  @Inject TemplateCatalog templates;
  @Inject NodeMetrics metrics;
  @Inject AuditLog audit;

  /** Who sends: the user, and whether it is an admin (whose sends are audited). */
  public record Sender(String user, boolean admin) {}

  /**
   * Stores {@code body} for {@code store}/{@code key}, held or not, existing or not. With an {@code idempotencyKey}
   * this user sent in the last 24 h for the same request, answers that first message and stores nothing.
   */
  public MessageSent send(String store, String key, Sender sender, String idempotencyKey, JsonObject body) {
    templates.template(store); // an unknown store is a 404 before anything is stored
    RecordKey id = new RecordKey(store, key);
    String text = body.toString();
    long bytes = text.getBytes(StandardCharsets.UTF_8).length;
    String fingerprint = IdempotencyStore.fingerprint("POST", "stores/" + store + "/records/" + key + "/messages",
        text);
    if (idempotencyKey != null) {
      Optional<String> earlier = database.call("look up an idempotency key",
          () -> tables.idempotency().answerFor(sender.user(), idempotencyKey, fingerprint));
      if (earlier.isPresent()) {
        return repeat(earlier.get());
      }
    }
    if (bytes > settings.messagesMaxBytes()) {
      throw new MessageTooLargeException(bytes, settings.messagesMaxBytes());
    }
    NewMessage message = new NewMessage(UUID.randomUUID().toString(), id, sender.user(), text, bytes);
    IdempotentAnswer remember = idempotencyKey == null ? null
        : new IdempotentAnswer(sender.user(), idempotencyKey, fingerprint, 202, Messages::answer);
    PendingMessage sent = database.call("send a message to " + id,
        () -> tables.messages().send(message, settings.messagesMaxPending(), remember));
    metrics.messagesSent(1);
    if (sender.admin()) {
      audit.record(sender.user(), AuditAction.MESSAGE, OneWayHash.recordName(store, key), "ok",
          "message " + sent.id() + ", " + bytes + " bytes");
    }
    return new MessageSent(sent.id(), sent.sentAt());
  }

  /** The first answer of a send repeated with its idempotency key. */
  private static MessageSent repeat(String earlier) {
    JsonObject answer = JsonDocuments.parse(earlier);
    return new MessageSent(answer.getString("id"), Instant.parse(answer.getString("sentAt")));
  }

  /** The body a send answers, as remembered for its idempotency key. */
  private static String answer(String id, Instant sentAt) {
    return Json.createObjectBuilder().add("id", id).add("sentAt", sentAt.toString()).build().toString();
  }

  /** The messages pending for {@code store}/{@code key}, oldest first. */
  public MessageList list(String store, String key) {
    templates.template(store);
    RecordKey id = new RecordKey(store, key);
    return new MessageList(database.call("list the messages of " + id, () -> tables.messages().pending(id))
        .stream().map(MessageViews::of).toList());
  }

  /** Deletes a pending message; the owner's next poll takes it out of the session's inbox. */
  public void delete(String store, String key, String messageId, String admin) {
    templates.template(store);
    RecordKey id = new RecordKey(store, key);
    if (!database.call("delete a message of " + id, () -> tables.messages().delete(id, messageId))) {
      throw new MessageNotPendingException(store, key, messageId);
    }
    audit.record(admin, AuditAction.MESSAGE, OneWayHash.recordName(store, key), "ok", "deleted message "
        + messageId);
  }
}
