package dev.datamanager.core.save;

import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.ReleaseOutcome;
import dev.datamanager.api.record.Released;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.session.SessionViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Saves a session on demand, and ends sessions: save and release in one fenced transaction, then drop from RAM. */
@ApplicationScoped
public class SessionExit {

  @Inject NodeSettings settings;
  @Inject SessionRegistry registry;
  @Inject SessionSaver saver;
  @Inject SessionViews views;
  @Inject DatabaseGateway database;
  @Inject WriteBudget budget;
  @Inject NodeMetrics metrics;

  /** Commits the session now; the answer carries the new version. */
  public SessionView saveNow(String store, String key) {
    RecordKey id = new RecordKey(store, key);
    HeldSession session = registry.require(id);
    saver.commit(List.of(Map.entry(id, session)), WriteBudget.Priority.LEAVE);
    // A lost lock was dropped by the saver; require() now says so.
    return views.of(id, registry.require(id));
  }

  /**
   * The player leaves. If the database fails, the session stays in RAM marked leaving, and autosave retries the
   * release with backoff until it succeeds: the data is never dropped.
   */
  public void leave(String store, String key) {
    RecordKey id = new RecordKey(store, key);
    HeldSession session = registry.require(id);
    session.lease().markLeaving();
    release(id, session);
  }

  /**
   * Saves and releases one session; on a lost lock drops it and throws, on a database failure keeps it. If another
   * path is releasing it right now, that release finishes the job (or leaves it marked for retry).
   */
  public void release(RecordKey id, HeldSession session) {
    List<ReleaseOutcome> outcomes = releaseBatch(List.of(Map.entry(id, session)));
    if (!outcomes.isEmpty() && outcomes.get(0) instanceof LockLost lost) {
      throw new SessionLostException(id.store(), id.key(), lost.currentOwner());
    }
  }

  /**
   * Saves and releases many sessions in one fenced transaction and drops them from RAM; lost ones are dropped
   * unsaved, ones another path is releasing right now are skipped. On a database failure every session stays,
   * backs off, and the failure is rethrown.
   */
  public List<ReleaseOutcome> releaseBatch(List<Map.Entry<RecordKey, HeldSession>> candidates) {
    List<Map.Entry<RecordKey, HeldSession>> sessions =
        candidates.stream().filter(entry -> entry.getValue().lease().beginRelease()).toList();
    try {
      return releaseClaimed(sessions);
    } finally {
      sessions.forEach(entry -> entry.getValue().lease().endRelease());
    }
  }

  /** Outcomes in the order of {@code sessions}, every one of which this thread claimed. */
  private List<ReleaseOutcome> releaseClaimed(List<Map.Entry<RecordKey, HeldSession>> sessions) {
    if (sessions.isEmpty()) {
      return List.of();
    }
    SnapshotBatch batch = SnapshotBatch.of(sessions, settings.serverId());
    List<ReleaseOutcome> outcomes =
        batch.send("save and release sessions", database::releaseBatch, budget, WriteBudget.Priority.LEAVE, metrics);
    for (int i = 0; i < outcomes.size(); i++) {
      RecordKey id = batch.key(i);
      HeldSession session = batch.session(i);
      if (outcomes.get(i) instanceof Released released) {
        session.markSaved(batch.snapshots().get(i), released.version());
        registry.remove(id, session);
      } else if (outcomes.get(i) instanceof LockLost lost) {
        registry.markLost(id, session, lost.currentOwner());
        metrics.lockLost();
      }
    }
    return outcomes;
  }
}
