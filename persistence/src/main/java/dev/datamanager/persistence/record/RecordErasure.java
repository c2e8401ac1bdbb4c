package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.EntityManager;

/**
 * Removes a record with everything kept about it: its versions, user-id index rows, pending messages, the row
 * itself, and its name in the audit trail.
 */
final class RecordErasure {

  private RecordErasure() {}

  /** Erases the locked {@code row} in the caller's transaction. */
  static void erase(EntityManager em, StoredRecord row) {
    RecordKey id = row.recordKey();
    // The one place an erasure deletes rows: every table that keeps data of the record is emptied of it here, in
    // this one transaction, pending messages included (DESIGN.md, "Erasure").
    for (String entity : new String[] {"RecordVersion", "RecordUser", "MessageRow"}) {
      em.createQuery("DELETE FROM " + entity + " e WHERE e.store = :store AND e.key = :key")
          .setParameter("store", id.store())
          .setParameter("key", id.key())
          .executeUpdate();
    }
    em.remove(row);
    forgetInAuditTrail(em, id);
  }

  /**
   * Earlier audit entries about the record (restores, edits, pins: {@code store/key} or {@code store/key@n}) name it
   * by its one-way hash from now on: what an action was stays, whom it concerned does not.
   */
  private static void forgetInAuditTrail(EntityManager em, RecordKey id) {
    String name = OneWayHash.recordName(id.store(), id.key());
    em.createQuery("UPDATE AuditEntry a SET a.target = :hash WHERE a.target = :name"
            + " OR a.target LIKE :pinned ESCAPE '!'")
        .setParameter("hash", OneWayHash.of(name))
        .setParameter("name", name)
        .setParameter("pinned", name.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "@%")
        .executeUpdate();
  }
}
