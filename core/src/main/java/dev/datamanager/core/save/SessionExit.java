package dev.datamanager.core.save;

import dev.datamanager.api.error.DocumentTooLargeException;
import dev.datamanager.api.error.SessionLeavingException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.error.TradeUnresolvedException;
import dev.datamanager.api.record.DocumentRefused;
import dev.datamanager.api.record.LockLost;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.ReleaseOutcome;
import dev.datamanager.api.record.Released;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.NotAcceptingChanges;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.session.SessionViews;
import dev.datamanager.core.session.TradePending;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Saves a session on demand, and ends sessions: save and release in one fenced transaction, then drop from RAM.
 * Once a release has taken its snapshot the session takes no change until the release is known to have happened
 * (the session is gone) or not (it is held again); a failed or unknown release stays in progress and is retried.
 */
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
    try {
      session.touch(); // "commit now" writes a new version, and never waits behind a release
      saver.commitNow(id, session);
    } catch (NotAcceptingChanges e) {
      throw registry.refusal(id, e);
    } catch (TradePending e) {
      throw new TradeUnresolvedException(store, key);
    }
    if (session.phase() != HeldSession.Phase.HELD) {
      // A release began meanwhile (409 leaving), or the lock was lost and the saver dropped the session.
      throw registry.refusal(id, new NotAcceptingChanges(session.phase()));
    }
    return views.of(id, session);
  }

  /**
   * The player leaves: the session is saved and released. If the database fails the session stays in RAM, still
   * being released, and autosave retries the release with backoff until it succeeds: the data is never dropped. A
   * leave of a session already being released waits for that release and answers as it does.
   */
  public void leave(String store, String key) {
    RecordKey id = new RecordKey(store, key);
    release(id, registry.require(id));
  }

  /**
   * Saves and releases one session, waiting for its write in flight; on a lost lock drops it and throws, on a
   * database failure keeps it (still being released) and throws. A session already gone counts as released.
   *
   * @return whether this call released it (false: it was already gone)
   */
  public boolean release(RecordKey id, HeldSession session) {
    return release(id, session, null);
  }

  /** Saves and releases one session for the node {@code requester} that asked for it (a handoff). */
  public boolean handOff(RecordKey id, HeldSession session, String requester) {
    return release(id, session, requester);
  }

  private boolean release(RecordKey id, HeldSession session, String handedTo) {
    session.lockWrites();
    try {
      if (session.phase() == HeldSession.Phase.ENDED) {
        return false;
      }
      if (session.phase() == HeldSession.Phase.HELD && session.trade() != HeldSession.Trade.NONE) {
        throw new TradeUnresolvedException(id.store(), id.key()); // one side of a trade is never released alone
      }
      ReleaseOutcome outcome = releaseClaimed(List.of(Map.entry(id, session)), handedTo,
          handedTo == null ? SaveReason.LEAVE : SaveReason.HANDOFF).get(0);
      if (outcome instanceof LockLost lost) {
        throw new SessionLostException(id.store(), id.key(), lost.currentOwner());
      }
      if (outcome instanceof DocumentRefused refused) {
        throw new DocumentTooLargeException(refused.sizeBytes(), refused.maxBytes());
      }
      return true;
    } finally {
      session.unlockWrites();
    }
  }

  /**
   * Saves and releases many sessions in one fenced transaction (the shutdown flush) and drops them from RAM, passing by sessions with a
   * write in flight; lost ones are dropped unsaved. On a database failure every session stays, still being
   * released, backs off, and the failure is rethrown.
   *
   * @return the outcomes of the sessions it claimed
   */
  public List<ReleaseOutcome> releaseBatch(List<Map.Entry<RecordKey, HeldSession>> candidates) {
    return releaseClaimed(candidates, null, SaveReason.SHUTDOWN);
  }

  /**
   * A join found {@code session} still in RAM: waits (up to {@code handoff.wait}) for its release in flight, then
   * answers the session if it is held, or null if it is gone. A release that failed or whose outcome is unknown is
   * settled by a fenced commit: if the release had committed the fence refuses it and the session is gone,
   * otherwise the leave is called off and the player plays on with everything acknowledged.
   *
   * @throws SessionLeavingException if the release is still in flight after the wait
   */
  public HeldSession resume(RecordKey id, HeldSession session) {
    if (!session.tryLockWrites(settings.handoffWait())) {
      throw new SessionLeavingException(id.store(), id.key());
    }
    try {
      if (session.phase() == HeldSession.Phase.RELEASING) {
        saver.reclaim(id, session);
      }
      return session.phase() == HeldSession.Phase.HELD ? session : null;
    } finally {
      session.unlockWrites();
    }
  }

  /** Outcomes in the order of the sessions claimed. */
  private List<ReleaseOutcome> releaseClaimed(List<Map.Entry<RecordKey, HeldSession>> sessions, String handedTo,
      SaveReason reason) {
    try (SnapshotBatch batch = SnapshotBatch.claim(sessions, settings.serverId(), HeldSession::beginRelease,
        SnapshotBatch.Claim.SKIP_BUSY, false, VersionNote.of(reason, settings.serverId()))) {
      if (batch.isEmpty()) {
        return List.of();
      }
      long started = System.nanoTime();
      List<ReleaseOutcome> outcomes =
          batch.send("save and release sessions", database::releaseBatch, budget, WriteBudget.Priority.LEAVE, metrics);
      for (int i = 0; i < outcomes.size(); i++) {
        RecordKey id = batch.key(i);
        HeldSession session = batch.session(i);
        ReleaseOutcome outcome = outcomes.get(i);
        if (outcome instanceof Released released) {
          metrics.versionsWritten(batch.snapshot(i).version(), released.version());
          session.markSaved(batch.snapshot(i), released.version());
          if (handedTo == null) {
            registry.remove(id, session);
          } else {
            registry.handedOff(id, session, handedTo);
          }
        } else if (outcome instanceof LockLost lost) {
          registry.markLost(id, session, lost.currentOwner());
          metrics.lockLost();
        } else if (outcome instanceof DocumentRefused refused) {
          SessionSaver.refused(refused, session, started, metrics);
          session.holdAgain(); // known not released: the player may shrink the data and leave again
        }
      }
      return outcomes;
    }
  }
}
