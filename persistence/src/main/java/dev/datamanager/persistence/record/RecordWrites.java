package dev.datamanager.persistence.record;

import dev.datamanager.api.record.VersionNote;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The one way a record's document changes: the row, its new version and its user-id index, in one transaction. */
final class RecordWrites {

  private RecordWrites() {}

  /** Writes {@code data} into the locked {@code row} and keeps it as the row's next version. */
  static void write(EntityManager em, StoredRecord row, String data, long generation, long change,
      VersionNote note, long bytes, Instant now) {
    write(em, row, data, generation, change, note, bytes, now, List.of());
  }

  /**
   * Writes {@code data} into the locked {@code row}, keeps it as the row's next version and deletes the messages
   * {@code consumed} in RAM to reach it: the consume and the change acknowledged with it commit together.
   */
  static void write(EntityManager em, StoredRecord row, String data, long generation, long change,
      VersionNote note, long bytes, Instant now, List<String> consumed) {
    write(em, row, data, generation, change, note, bytes, now, consumed, em::persist);
  }

  /**
   * As {@link #write(EntityManager, StoredRecord, String, long, long, VersionNote, long, Instant, List)}, with the
   * new version handed to {@code versions} (a JDBC batch) instead of the provider.
   */
  static void write(EntityManager em, StoredRecord row, String data, long generation, long change,
      VersionNote note, long bytes, Instant now, List<String> consumed, Consumer<RecordVersion> versions) {
    row.write(data, generation, change, now);
    versions.accept(RecordVersion.of(row, note, bytes, now));
    if (!consumed.isEmpty()) {
      var id = row.recordKey();
      em.createQuery("DELETE FROM MessageRow m WHERE m.store = :store AND m.key = :key AND m.id IN :ids")
          .setParameter("store", id.store())
          .setParameter("key", id.key())
          .setParameter("ids", consumed)
          .executeUpdate();
    }
  }

  /** Replaces the user ids of the locked {@code row} and its rows in the user-id index, if they changed. */
  static void replaceUserIds(EntityManager em, StoredRecord row, List<String> userIds) {
    if (userIds == null || !row.replaceUserIds(userIds)) {
      return;
    }
    var id = row.recordKey();
    em.createQuery("DELETE FROM RecordUser u WHERE u.store = :store AND u.key = :key")
        .setParameter("store", id.store())
        .setParameter("key", id.key())
        .executeUpdate();
    userIds.forEach(user -> em.persist(new RecordUser(user, id.store(), id.key())));
  }
}
