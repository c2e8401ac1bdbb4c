package dev.datamanager.core.join;

import dev.datamanager.api.error.ReconciledTooLargeException;
import dev.datamanager.api.error.SessionRefusedException;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.handoff.HandoffRequester;
import dev.datamanager.core.lifecycle.NodeState;
import dev.datamanager.core.message.MessageWatcher;
import dev.datamanager.core.migration.MigrationCatalog;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.save.SessionExit;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.core.session.KeyLocks;
import dev.datamanager.core.session.SessionLease;
import dev.datamanager.core.session.SessionManager;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.session.SessionViews;
import dev.datamanager.core.template.Reconciliation;
import dev.datamanager.core.template.TemplateCatalog;
import dev.datamanager.core.template.TemplateReconciler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.logging.Logger;

/** Loads and locks a record, reconciles it with its store's template and holds it in RAM. */
@ApplicationScoped
public class SessionJoin {

  private static final Logger LOG = Logger.getLogger(SessionJoin.class.getName());

  @Inject NodeSettings settings;
  @Inject NodeState node;
  @Inject SessionRegistry registry;
  @Inject SessionManager sessions;
  @Inject SessionViews views;
  @Inject TemplateCatalog templates;
  @Inject KeyLocks joins;
  @Inject SessionExit exit;
  @Inject HandoffRequester handoff;
  @Inject DatabaseGateway database;
  @Inject NodeMetrics metrics;
  @Inject MessageWatcher messages;
  @Inject MigrationCatalog migrations;

  private final TemplateReconciler reconciler = new TemplateReconciler();

  /**
   * Joins {@code key}. A session this node already holds is answered as it is; one being released is waited for
   * (up to {@code handoff.wait}) and then held again or joined anew.
   */
  public SessionView join(String store, String key) {
    node.requireAcceptingJoins();
    RecordKey id = new RecordKey(store, key);
    JsonObject template = templates.template(store);
    // Two joins of one key on this node must not both acquire: the second would fence off the first.
    return joins.with(id, () -> {
      HeldSession held = registry.find(id).map(session -> exit.resume(id, session)).orElse(null);
      if (held != null) {
        return views.of(id, held);
      }
      HandoffRequester.Attempt attempt = handoff.acquire(id, template.toString(), migrations.forStore(store));
      if (attempt.outcome() instanceof Refused refused) {
        metrics.join("refused");
        throw new SessionRefusedException(store, key, refused.owner(), refused.leaseAge(), refused.retryAfter());
      }
      return views.of(id, hold(id, (Acquired) attempt.outcome(), template, attempt.sentNanos()));
    });
  }

  private HeldSession hold(RecordKey id, Acquired acquired, JsonObject template, long sentNanos) {
    Reconciliation reconciled = reconciler.reconcile(JsonDocuments.parse(acquired.data()), template);
    long size = sessions.patcher().serializedSize(reconciled.document());
    if (size > settings.documentMaxBytes()) {
      giveBack(acquired);
      throw new ReconciledTooLargeException(id.store(), id.key(), size, settings.documentMaxBytes());
    }
    if (!reconciled.mismatches().isEmpty()) {
      metrics.templateMismatch(reconciled.mismatches().size());
      LOG.warning(() -> id + " keeps values whose type differs from the template: " + reconciled.mismatches());
    }
    if (acquired.stolen()) {
      LOG.warning(() -> id + " was taken over from node " + acquired.previousOwner() + " whose lease was stale");
    }
    HeldSession session = new HeldSession(reconciled.document(), acquired.version(), acquired.generation(),
        reconciled.filledAny(), new SessionLease(acquired.leaseRenewedAt(), sentNanos), acquired.userIds(),
        acquired.schemaVersion());
    messages.loadAtJoin(id, session);
    try {
      registry.add(id, session);
    } catch (RuntimeException shuttingDown) {
      giveBack(acquired);
      throw shuttingDown;
    }
    metrics.join(acquired.created() ? "created" : acquired.stolen() ? "stolen" : "loaded");
    if (acquired.created()) {
      metrics.versionsWritten(-1, acquired.version()); // version 0, reason create
    }
    return session;
  }

  /** Frees a lock this join took but will not hold, writing nothing; if that fails its lease runs out. */
  private void giveBack(Acquired acquired) {
    try {
      database.releaseBatch(List.of(
          new CommitRequest(acquired.key(), settings.serverId(), acquired.generation(), 0, null)));
    } catch (RuntimeException e) {
      LOG.warning(() -> "Could not free the lock of " + acquired.key() + ": " + e.getMessage());
    }
  }
}
