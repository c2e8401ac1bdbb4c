package dev.datamanager.core.save;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.ReleaseOutcome;
import dev.datamanager.api.record.Released;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.database.DatabaseCall;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.session.SessionViews;
import dev.datamanager.core.session.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Saves a session on demand, and ends sessions: save and release in one fenced transaction, then drop from RAM. */
@ApplicationScoped
public class SessionExit {

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

  /** Saves and releases one session; on a lost lock drops it and throws, on a database failure keeps it. */
  public void release(RecordKey id, HeldSession session) {
    Snapshot snapshot = session.snapshot();
    budget.take(1, WriteBudget.Priority.LEAVE);
    ReleaseOutcome outcome;
    try {
      outcome = DatabaseCall.of("save and release " + id,
          () -> database.release(id, snapshot.generation(), snapshot.document().toString()));
    } catch (DatabaseUnavailableException e) {
      session.lease().failed();
      metrics.databaseError();
      throw e;
    }
    if (outcome instanceof Released released) {
      session.markSaved(snapshot, released.version());
      registry.remove(id, session);
    } else if (outcome instanceof LockLost lost) {
      registry.markLost(id, session, lost.currentOwner());
      metrics.lockLost();
      throw new SessionLostException(id.store(), id.key(), lost.currentOwner());
    }
  }
}
