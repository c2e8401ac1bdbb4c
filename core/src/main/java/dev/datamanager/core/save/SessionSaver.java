package dev.datamanager.core.save;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.record.CommitOutcome;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.DocumentRefused;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Renewal;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseCall;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.session.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/** Commits snapshots of held sessions in fenced batches and applies each outcome to its session. */
@ApplicationScoped
public class SessionSaver {

  private static final Logger LOG = Logger.getLogger(SessionSaver.class.getName());

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject SessionRegistry registry;
  @Inject WriteBudget budget;
  @Inject NodeMetrics metrics;

  /**
   * Saves the held sessions among {@code sessions} in one fenced batch, passing by those with a write in flight.
   * Sessions whose lock was lost are dropped; one whose document is refused stays held and is reported; on a
   * database failure every session stays dirty, backs off and the failure is rethrown.
   *
   * @return how many sessions the database now holds up to the snapshot taken
   */
  public int commit(List<Map.Entry<RecordKey, HeldSession>> sessions, WriteBudget.Priority priority) {
    return commit(sessions, priority, HeldSession::snapshotToSave, SnapshotBatch.Claim.SKIP_BUSY,
        VersionNote.of(SaveReason.AUTOSAVE, settings.serverId()));
  }

  /** Saves one session now, waiting for its write in flight; the session must be held. */
  public void commitNow(RecordKey id, HeldSession session) {
    commitNow(id, session, VersionNote.of(SaveReason.SAVE, settings.serverId()));
  }

  /**
   * Saves one session now as a version described by {@code note}, waiting for its write in flight.
   *
   * @return whether it was committed (false: its lock was lost, or its document refused)
   */
  public boolean commitNow(RecordKey id, HeldSession session, VersionNote note) {
    return commit(List.of(Map.entry(id, session)), WriteBudget.Priority.LEAVE, HeldSession::snapshotToSave,
        SnapshotBatch.Claim.WAIT, note) > 0;
  }

  /**
   * Commits the state of a session whose release failed or whose outcome is unknown; the caller holds its writes.
   * If the release had committed, the fence refuses this and the session ends; otherwise it is held again.
   */
  void reclaim(RecordKey id, HeldSession session) {
    commit(List.of(Map.entry(id, session)), WriteBudget.Priority.LEAVE, HeldSession::snapshot,
        SnapshotBatch.Claim.SKIP_BUSY, VersionNote.of(SaveReason.SAVE, settings.serverId()));
  }

  private int commit(List<Map.Entry<RecordKey, HeldSession>> sessions, WriteBudget.Priority priority,
      Function<HeldSession, Snapshot> take, SnapshotBatch.Claim claim, VersionNote note) {
    try (SnapshotBatch batch = SnapshotBatch.claim(sessions, settings.serverId(), take, claim, true, note)) {
      if (batch.isEmpty()) {
        return 0;
      }
      long started = System.nanoTime();
      List<CommitOutcome> outcomes = batch.send("save sessions", database::commitBatch, budget, priority, metrics);
      metrics.commitBatch(batch.size(), System.nanoTime() - started);
      int committed = 0;
      for (int i = 0; i < outcomes.size(); i++) {
        HeldSession session = batch.session(i);
        CommitOutcome outcome = outcomes.get(i);
        if (outcome instanceof Committed done) {
          metrics.versionsWritten(batch.snapshot(i).version(), done.version());
          // The database holds at least this snapshot, so the messages it consumed are deleted there.
          session.markSaved(done.change(), done.version(), batch.snapshot(i).consumedMessages());
          session.lease().confirm(done.leaseRenewedAt(), started);
          session.holdAgain();
          committed++;
        } else if (outcome instanceof LockLost lost) {
          registry.markLost(lost.key(), session, lost.currentOwner());
          metrics.lockLost();
        } else if (outcome instanceof DocumentRefused refused) {
          refused(refused, session, started, metrics);
        }
      }
      return committed;
    }
  }

  /** One record too large to save: it stays held (its lease renewed) for the player to shrink; the rest saved. */
  static void refused(DocumentRefused refused, HeldSession session, long sentNanos, NodeMetrics metrics) {
    session.lease().confirm(refused.leaseRenewedAt(), sentNanos);
    metrics.documentRefused();
    LOG.warning(() -> "Session " + refused.key() + " was not saved: its document is " + refused.sizeBytes()
        + " bytes, over the limit of " + refused.maxBytes() + "; it stays in RAM and is retried");
  }

  /** Renews the leases of clean held sessions so a live owner's lock never goes stale. */
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
