package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.EntityManager;

/** Removes a record with everything kept about it: its versions, its user-id index rows, then the row itself. */
final class RecordErasure {

  private RecordErasure() {}

  /** Erases the locked {@code row} in the caller's transaction. */
  static void erase(EntityManager em, StoredRecord row) {
    RecordKey id = row.recordKey();
    // The one place an erasure deletes rows: every table that keeps data of the record is emptied of it here, in
    // this one transaction. Messages hook: when the message table comes, add its entity to this list, so an
    // erasure also removes the record's pending messages (DESIGN.md, "Erasure").
    for (String entity : new String[] {"RecordVersion", "RecordUser"}) {
      em.createQuery("DELETE FROM " + entity + " e WHERE e.store = :store AND e.key = :key")
          .setParameter("store", id.store())
          .setParameter("key", id.key())
          .executeUpdate();
    }
    em.remove(row);
  }
}
