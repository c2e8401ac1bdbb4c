package dev.datamanager.core.record;

import dev.datamanager.api.error.RecordNotFoundException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordLock;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.session.LockView;
import dev.datamanager.api.session.RecordView;
import dev.datamanager.core.database.DatabaseCall;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.session.JsonDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads a record's committed data and lock state as the body callers see. */
@ApplicationScoped
public class RecordReader {

  @Inject DatabaseGateway database;

  public RecordView read(String store, String key) {
    RecordKey id = new RecordKey(store, key);
    RecordSnapshot snapshot = DatabaseCall.of("read " + id, () -> database.read(id))
        .orElseThrow(() -> new RecordNotFoundException(store, key));
    RecordLock lock = snapshot.lock();
    return new RecordView(store, key, JsonDocuments.parse(snapshot.data()), snapshot.version(),
        lock == null ? null : new LockView(lock.owner(), lock.generation(), lock.leaseRenewedAt()),
        snapshot.updatedAt(), snapshot.userIds(), snapshot.schemaVersion());
  }
}
