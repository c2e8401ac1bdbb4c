package dev.datamanager.core.session;

import dev.datamanager.api.error.LeaseUnsafeException;
import dev.datamanager.api.error.TradeUnresolvedException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.patch.DocumentPatcher;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.template.TemplateCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Supplier;

/** Reads and updates the sessions of this node; updates touch RAM only. */
@ApplicationScoped
public class SessionManager {

  @Inject NodeSettings settings;
  @Inject SessionRegistry registry;
  @Inject TemplateCatalog templates;
  @Inject SessionViews views;
  @Inject NodeMetrics metrics;

  private DocumentPatcher patcher;

  /** The one patcher of this node, with the one size rule; a join checks reconciled documents with it too. */
  public DocumentPatcher patcher() {
    return patcher;
  }

  @PostConstruct
  void init() {
    patcher = new DocumentPatcher(settings.documentMaxBytes());
    metrics.gauge("datamanager_sessions_held", () -> (long) registry.size());
    metrics.gauge("datamanager_sessions_dirty",
        () -> registry.entries().stream().filter(e -> e.getValue().isDirty()).count());
  }

  public SessionView get(String store, String key) {
    RecordKey id = new RecordKey(store, key);
    return views.of(id, registry.require(id));
  }

  /**
   * Applies a patch to RAM; a refused patch changes nothing, and a session being released takes none. Past
   * {@code lock.recent} without a renewal (by this node's monotonic clock) another node may steal the lock and fence
   * off this node's next commit; acknowledging an update then would promise what cannot be kept.
   */
  public SessionView patch(String store, String key, PatchFormat format, JsonValue patch) {
    RecordKey id = new RecordKey(store, key);
    HeldSession session = registry.require(id);
    JsonObject template = templates.template(store);
    return change(id, session, () -> patchOnce(session, template, format, patch));
  }

  /**
   * Like {@link #patch}, answering only the tag of the state after the patch, for a client that wants no body: the
   * answer then costs nothing in the document's size.
   */
  public SessionTag patchAndTag(String store, String key, PatchFormat format, JsonValue patch) {
    RecordKey id = new RecordKey(store, key);
    HeldSession session = registry.require(id);
    JsonObject template = templates.template(store);
    return run(id, () -> patchOnce(session, template, format, patch));
  }

  private SessionTag patchOnce(HeldSession session, JsonObject template, PatchFormat format, JsonValue patch) {
    return session.patch(current -> patcher.apply(current, template, format, patch), settings.lockRecent());
  }

  /**
   * Replaces the user ids of the record in RAM; they are written with the next save. Refused like a patch: while the
   * session is being released or gone, and while its lease was not renewed lately.
   */
  public SessionView replaceUserIds(String store, String key, List<String> userIds) {
    RecordKey id = new RecordKey(store, key);
    HeldSession session = registry.require(id);
    return change(id, session, () -> {
      session.replaceUserIds(userIds, settings.lockRecent());
      return null;
    });
  }

  /** Runs one change of a held session and answers its view; a refused change becomes the caller's answer. */
  private SessionView change(RecordKey id, HeldSession session, Supplier<?> change) {
    run(id, change);
    return views.of(id, session);
  }

  /** Runs one change of a held session and answers what it answers; a refused change becomes the caller's answer. */
  private <T> T run(RecordKey id, Supplier<T> change) {
    try {
      return change.get();
    } catch (NotAcceptingChanges e) {
      throw registry.refusal(id, e);
    } catch (TradePending e) {
      throw new TradeUnresolvedException(id.store(), id.key());
    } catch (LeaseTooOld e) {
      metrics.leaseUnsafe();
      throw new LeaseUnsafeException(id.store(), id.key(), e.sinceConfirmed());
    }
  }

  public List<SessionView> list() {
    return registry.entries().stream().map(entry -> views.of(entry.getKey(), entry.getValue())).toList();
  }
}
