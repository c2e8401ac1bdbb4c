package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;

/** The records that list a user id, found through the user-id index; each method is one transaction. */
public class UserIndex {

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();

  public UserIndex(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, clock);
  }

  /** The committed state of every record whose saved user ids list {@code userId}, by store and key. */
  public List<RecordSnapshot> records(String userId) {
    return transactions.run(em -> {
      var now = clock.now(em);
      return em.createQuery("SELECT r FROM StoredRecord r, RecordUser u WHERE u.userId = :user"
              + " AND r.store = u.store AND r.key = u.key ORDER BY r.store, r.key", StoredRecord.class)
          .setParameter("user", userId)
          .getResultStream()
          .map(row -> row.snapshot(now))
          .toList();
    });
  }

  /** The keys of every record whose saved user ids list {@code userId}, by store and key. */
  public List<RecordKey> keys(String userId) {
    return transactions.run(em -> em.createQuery("SELECT u FROM RecordUser u WHERE u.userId = :user"
            + " ORDER BY u.store, u.key", RecordUser.class)
        .setParameter("user", userId)
        .getResultStream()
        .map(u -> new RecordKey(u.store(), u.key()))
        .toList());
  }
}
