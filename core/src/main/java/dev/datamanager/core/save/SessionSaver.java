package dev.datamanager.core.save;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.record.CommitOutcome;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Renewal;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseCall;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Commits snapshots of held sessions in fenced batches and applies each outcome to its session. */
@ApplicationScoped
public class SessionSaver {

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject SessionRegistry registry;
  @Inject WriteBudget budget;
  @Inject NodeMetrics metrics;

  /**
   * Saves {@code sessions} in one fenced batch. Sessions whose lock was lost are dropped; on a database failure
   * every session stays dirty, backs off and the failure is rethrown.
   *
   * @return how many sessions were committed
   */
  public int commit(List<Map.Entry<RecordKey, HeldSession>> sessions, WriteBudget.Priority priority) {
    if (sessions.isEmpty()) {
      return 0;
    }
    SnapshotBatch batch = SnapshotBatch.of(sessions, settings.serverId());
    long started = System.nanoTime();
    List<CommitOutcome> outcomes =
        batch.send("save sessions", database::commitBatch, budget, priority, metrics);
    metrics.commitBatch(sessions.size(), System.nanoTime() - started);
    int committed = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      HeldSession session = batch.session(i);
      if (outcomes.get(i) instanceof Committed done) {
        session.markSaved(batch.snapshots().get(i), done.version());
        session.lease().confirm(done.leaseRenewedAt(), started);
        committed++;
      } else if (outcomes.get(i) instanceof LockLost lostLock) {
        registry.markLost(lostLock.key(), session, lostLock.currentOwner());
        metrics.lockLost();
      }
    }
    return committed;
  }

  /** Renews the leases of clean sessions so a live owner's lock never goes stale. */
  public void renew(List<Map.Entry<RecordKey, HeldSession>> sessions) {
    if (sessions.isEmpty()) {
      return;
    }
    List<LeaseClaim> claims = sessions.stream()
        .map(entry -> new LeaseClaim(entry.getKey(), entry.getValue().generation()))
        .toList();
    long sent = System.nanoTime();
    Renewal renewal;
    try {
      renewal = DatabaseCall.of("renew leases", () -> database.renew(claims));
    } catch (DatabaseUnavailableException e) {
      sessions.forEach(entry -> entry.getValue().lease().failed());
      metrics.databaseError();
      throw e;
    }
    for (Map.Entry<RecordKey, HeldSession> entry : sessions) {
      if (renewal.renewed().contains(entry.getKey())) {
        entry.getValue().lease().confirm(renewal.renewedAt(), sent);
      } else if (renewal.lost().contains(entry.getKey())) {
        registry.markLost(entry.getKey(), entry.getValue(), null);
        metrics.lockLost();
      }
    }
  }
}
