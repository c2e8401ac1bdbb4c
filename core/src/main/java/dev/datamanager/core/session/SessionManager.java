package dev.datamanager.core.session;

import dev.datamanager.api.error.LeaseUnsafeException;
import dev.datamanager.api.error.SessionRefusedException;
import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.lifecycle.NodeState;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.patch.DocumentPatcher;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.template.Reconciliation;
import dev.datamanager.core.template.TemplateCatalog;
import dev.datamanager.core.template.TemplateReconciler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/** Joins, reads and updates the sessions of this node; updates touch RAM only. */
@ApplicationScoped
public class SessionManager {

  private static final Logger LOG = Logger.getLogger(SessionManager.class.getName());
  private static final int JOIN_STRIPES = 64;

  @Inject NodeSettings settings;
  @Inject NodeState node;
  @Inject SessionRegistry registry;
  @Inject DatabaseGateway database;
  @Inject TemplateCatalog templates;
  @Inject SessionViews views;
  @Inject NodeMetrics metrics;
  @Inject Handoff handoff;

  private final TemplateReconciler reconciler = new TemplateReconciler();
  // Two joins of one key on this node must not both acquire: the second would fence off the first.
  private final ReentrantLock[] joinLocks = new ReentrantLock[JOIN_STRIPES];
  private DocumentPatcher patcher;

  @PostConstruct
  void init() {
    patcher = new DocumentPatcher(settings.documentMaxBytes());
    for (int i = 0; i < JOIN_STRIPES; i++) {
      joinLocks[i] = new ReentrantLock();
    }
    metrics.gauge("datamanager_sessions_held", () -> (long) registry.size());
    metrics.gauge("datamanager_sessions_dirty",
        () -> registry.entries().stream().filter(e -> e.getValue().isDirty()).count());
  }

  /** Loads and locks the record, reconciles it with its store's template and holds it in RAM. */
  public SessionView join(String store, String key) {
    node.requireAcceptingJoins();
    RecordKey id = new RecordKey(store, key);
    JsonObject template = templates.template(store);
    ReentrantLock lock = joinLocks[Math.floorMod(id.hashCode(), JOIN_STRIPES)];
    lock.lock();
    try {
      HeldSession held = registry.find(id).orElse(null);
      if (held != null) {
        return views.of(id, held);
      }
      long sent = System.nanoTime();
      AcquireOutcome outcome = handoff.acquire(id, template.toString());
      if (outcome instanceof Refused refused) {
        metrics.join("refused");
        throw new SessionRefusedException(
            store, key, refused.owner(), refused.leaseAge(), refused.retryAfter());
      }
      return views.of(id, hold(id, (Acquired) outcome, template, sent));
    } finally {
      lock.unlock();
    }
  }

  private HeldSession hold(RecordKey id, Acquired acquired, JsonObject template, long sentNanos) {
    Reconciliation reconciled = reconciler.reconcile(JsonDocuments.parse(acquired.data()), template);
    if (!reconciled.mismatches().isEmpty()) {
      metrics.templateMismatch(reconciled.mismatches().size());
      LOG.warning(() -> id + " keeps values whose type differs from the template: " + reconciled.mismatches());
    }
    if (acquired.stolen()) {
      LOG.warning(() -> id + " was taken over from node " + acquired.previousOwner() + " whose lease was stale");
    }
    metrics.join(acquired.created() ? "created" : acquired.stolen() ? "stolen" : "loaded");
    HeldSession session = new HeldSession(reconciled.document(), acquired.version(), acquired.generation(),
        reconciled.filledAny(), new SessionLease(acquired.leaseRenewedAt(), sentNanos));
    registry.add(id, session);
    return session;
  }

  public SessionView get(String store, String key) {
    RecordKey id = new RecordKey(store, key);
    return views.of(id, registry.require(id));
  }

  /** Applies a patch to RAM; a refused patch changes nothing. */
  public SessionView patch(String store, String key, PatchFormat format, JsonValue patch) {
    RecordKey id = new RecordKey(store, key);
    HeldSession session = registry.require(id);
    requireSafeLease(id, session);
    JsonObject template = templates.template(store);
    session.apply(document -> patcher.apply(document, template, format, patch));
    return views.of(id, session);
  }

  /**
   * Past {@code lock.recent} without a renewal (by this node's monotonic clock) another node may steal the lock and
   * fence off this node's next commit; acknowledging an update then would promise what cannot be kept.
   */
  private void requireSafeLease(RecordKey id, HeldSession session) {
    Duration since = session.lease().sinceConfirmed();
    if (since.compareTo(settings.lockRecent()) > 0) {
      throw new LeaseUnsafeException(id.store(), id.key(), since);
    }
  }

  public List<SessionView> list() {
    return registry.entries().stream().map(entry -> views.of(entry.getKey(), entry.getValue())).toList();
  }
}
