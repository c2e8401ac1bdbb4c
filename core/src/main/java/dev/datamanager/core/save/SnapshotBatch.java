package dev.datamanager.core.save;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.database.DatabaseCall;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Snapshots of sessions about to be written, each under the generation it was joined with. */
record SnapshotBatch(List<Map.Entry<RecordKey, HeldSession>> sessions, List<Snapshot> snapshots,
    List<CommitRequest> requests) {

  /** Takes the snapshots: the only moment a save holds each session's lock; serializing happens outside it. */
  static SnapshotBatch of(List<Map.Entry<RecordKey, HeldSession>> sessions, String serverId) {
    List<Snapshot> snapshots = new ArrayList<>(sessions.size());
    List<CommitRequest> requests = new ArrayList<>(sessions.size());
    for (Map.Entry<RecordKey, HeldSession> entry : sessions) {
      Snapshot snapshot = entry.getValue().snapshot();
      snapshots.add(snapshot);
      requests.add(new CommitRequest(entry.getKey(), serverId, snapshot.generation(), snapshot.document().toString()));
    }
    return new SnapshotBatch(sessions, snapshots, requests);
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

  HeldSession session(int i) {
    return sessions.get(i).getValue();
  }

  RecordKey key(int i) {
    return sessions.get(i).getKey();
  }
}
