package dev.datamanager.core.message;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.error.LeaseUnsafeException;
import dev.datamanager.api.error.MessageNotPendingException;
import dev.datamanager.api.error.TradeUnresolvedException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.save.SessionSaver;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.LeaseTooOld;
import dev.datamanager.core.session.NotAcceptingChanges;
import dev.datamanager.core.session.SessionManager;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.session.SessionViews;
import dev.datamanager.core.session.TradePending;
import dev.datamanager.core.template.TemplateCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Consumes a pending message of a held session: under the session's lock the optional patch is applied and the
 * message leaves the inbox in one step, then both are committed together, with version reason {@code message}.
 */
@ApplicationScoped
public class MessageAck {

  private static final Logger LOG = Logger.getLogger(MessageAck.class.getName());

  @Inject NodeSettings settings;
  @Inject SessionRegistry registry;
  @Inject SessionManager sessions;
  @Inject SessionSaver saver;
  @Inject SessionViews views;
  @Inject TemplateCatalog templates;
  @Inject NodeMetrics metrics;

  /**
   * Consumes message {@code messageId}, applying {@code patch} (null: none) in the same step, and commits now. If the
   * commit fails the consume stays in RAM, acknowledged like a patch, and the next save carries it.
   *
   * @throws MessageNotPendingException if the message is not in the session's inbox; nothing changes
   */
  public SessionView ack(String store, String key, String messageId, PatchFormat format, JsonValue patch) {
    RecordKey id = new RecordKey(store, key);
    HeldSession session = registry.require(id);
    JsonObject template = templates.template(store);
    UnaryOperator<JsonObject> update = patch == null ? UnaryOperator.identity()
        : document -> sessions.patcher().apply(document, template, format, patch);
    try {
      if (!session.consume(messageId, update, settings.lockRecent())) {
        throw new MessageNotPendingException(store, key, messageId);
      }
      metrics.messagesConsumed(1);
      saver.commitNow(id, session, VersionNote.of(SaveReason.MESSAGE, settings.serverId()));
    } catch (NotAcceptingChanges e) {
      throw registry.refusal(id, e);
    } catch (LeaseTooOld e) {
      metrics.leaseUnsafe();
      throw new LeaseUnsafeException(store, key, e.sinceConfirmed());
    } catch (TradePending e) {
      throw new TradeUnresolvedException(store, key);
    } catch (DatabaseUnavailableException e) {
      LOG.warning(() -> "Ack of message " + messageId + " of " + id + " is held in RAM; the next save carries it: "
          + e.getMessage());
    }
    if (session.phase() == HeldSession.Phase.ENDED) {
      // The commit found the lock lost: the consume will never be saved, and a rejoin shows the message again.
      throw registry.notHeld(id);
    }
    return views.of(id, session);
  }
}
