package dev.datamanager.core.save;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.core.database.DatabaseCall;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.NotAcceptingChanges;
import dev.datamanager.core.session.Snapshot;
import dev.datamanager.core.session.TradePending;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Snapshots of sessions about to be written, each session's writes claimed until the batch is closed, so the
 * writes of one session reach the database one at a time and in the order their snapshots were taken.
 */
final class SnapshotBatch implements AutoCloseable {

  /** Whether claiming a session whose write is in flight waits for it or passes the session by. */
  enum Claim { WAIT, SKIP_BUSY }

  private final List<Map.Entry<RecordKey, HeldSession>> sessions = new ArrayList<>();
  private final List<Snapshot> snapshots = new ArrayList<>();
  private final List<CommitRequest> requests = new ArrayList<>();

  private SnapshotBatch() {}

  /**
   * Claims each session's writes and takes its snapshot with {@code take}, the only moment the session's own lock
   * is held; a session that {@code take} refuses (released, lost) is left out. Serializing happens outside it.
   */
  static SnapshotBatch claim(List<Map.Entry<RecordKey, HeldSession>> candidates, String serverId,
      Function<HeldSession, Snapshot> take, Claim claim, boolean withData, VersionNote note) {
    SnapshotBatch batch = new SnapshotBatch();
    for (Map.Entry<RecordKey, HeldSession> entry : candidates) {
      HeldSession session = entry.getValue();
      if (claim == Claim.WAIT) {
        session.lockWrites();
      } else if (!session.tryLockWrites()) {
        continue;
      }
      try {
        Snapshot snapshot = take.apply(session);
        String data = withData || session.isDirty() ? snapshot.document().toString() : null;
        batch.sessions.add(entry);
        batch.snapshots.add(snapshot);
        batch.requests.add(new CommitRequest(entry.getKey(), serverId, snapshot.generation(),
            snapshot.changeCount(), data, note, snapshot.userIds(), snapshot.consumedMessages()));
      } catch (NotAcceptingChanges | TradePending e) {
        session.unlockWrites(); // gone, or one side of an unresolved trade: never saved alone
      }
    }
    return batch;
  }

  /**
   * Sends the batch within the write budget; on a database failure every session keeps its data, backs off, and
   * the failure is rethrown.
   */
  <O> List<O> send(String operation, Function<List<CommitRequest>, List<O>> write, WriteBudget budget,
      WriteBudget.Priority priority, NodeMetrics metrics) {
    budget.take(requests.size(), priority);
    try {
      return DatabaseCall.of(operation, () -> write.apply(requests));
    } catch (DatabaseUnavailableException e) {
      sessions.forEach(entry -> entry.getValue().lease().failed());
      metrics.databaseError();
      throw e;
    }
  }

  boolean isEmpty() {
    return sessions.isEmpty();
  }

  int size() {
    return sessions.size();
  }

  HeldSession session(int i) {
    return sessions.get(i).getValue();
  }

  RecordKey key(int i) {
    return sessions.get(i).getKey();
  }

  Snapshot snapshot(int i) {
    return snapshots.get(i);
  }

  /** Lets the next write of each session go. */
  @Override
  public void close() {
    sessions.forEach(entry -> entry.getValue().unlockWrites());
  }
}
