package dev.datamanager.core.record;

import dev.datamanager.api.error.RecordNotFoundException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordLock;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.session.LockView;
import dev.datamanager.api.session.RecordView;
import dev.datamanager.api.user.UserRecords;
import dev.datamanager.core.database.DatabaseCall;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.persistence.record.UserIndex;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads records' committed data and lock state as the body callers see: one record, or every record of a user id. */
@ApplicationScoped
public class RecordReader {

  @Inject DatabaseGateway database;

  private UserIndex users;

  @PostConstruct
  void open() {
    users = new UserIndex(database.entityManagerFactory());
  }

  public RecordView read(String store, String key) {
    RecordKey id = new RecordKey(store, key);
    RecordSnapshot snapshot = DatabaseCall.of("read " + id, () -> database.read(id))
        .orElseThrow(() -> new RecordNotFoundException(store, key));
    return view(snapshot);
  }

  /** Every record whose saved user ids list {@code userId}, in one read: an access or export request. */
  public UserRecords ofUser(String userId) {
    return new UserRecords(database.call("read the records of a user id", () -> users.records(userId)).stream()
        .map(RecordReader::view)
        .toList());
  }

  private static RecordView view(RecordSnapshot snapshot) {
    RecordLock lock = snapshot.lock();
    return new RecordView(snapshot.key().store(), snapshot.key().key(), JsonDocuments.parse(snapshot.data()),
        snapshot.version(), lock == null ? null : new LockView(lock.owner(), lock.generation(), lock.leaseRenewedAt()),
        snapshot.updatedAt(), snapshot.userIds(), snapshot.schemaVersion());
  }
}
