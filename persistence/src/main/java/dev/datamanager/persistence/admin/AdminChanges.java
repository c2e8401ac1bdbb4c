package dev.datamanager.persistence.admin;

import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.persistence.record.DatabaseClock;
import dev.datamanager.persistence.record.Transactions;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Requests for admin changes to held records, and their answers; each method is one transaction. */
public class AdminChanges {

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();

  public AdminChanges(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, clock);
  }

  /** Asks whoever holds {@code key} to apply {@code change}; returns the request's id. */
  public String request(RecordKey key, RecordChange change, VersionNote note) {
    return transactions.run(em -> {
      AdminChangeRow row = new AdminChangeRow(key, change, note, clock.now(em));
      em.persist(row);
      return row.id();
    });
  }

  /** Pending requests for records process {@code incarnation} of {@code serverId} holds, oldest first. */
  public List<AdminChangeRow> pendingFor(String serverId, String incarnation) {
    return transactions.run(em -> em.createQuery("SELECT c FROM AdminChangeRow c, StoredRecord r"
            + " WHERE c.state = 'PENDING' AND r.store = c.store AND r.key = c.key AND r.owner = :owner"
            + " AND r.incarnation = :incarnation ORDER BY c.requestedAt", AdminChangeRow.class)
        .setParameter("owner", serverId)
        .setParameter("incarnation", incarnation)
        .getResultList());
  }

  /** The owner takes a pending request before applying it; false if it was abandoned or taken meanwhile. */
  public boolean take(String id) {
    return move(id, AdminChangeRow.State.PENDING, AdminChangeRow.State.TAKEN);
  }

  /** The asker gives up a request nobody took; false if the owner took it already (then wait for its answer). */
  public boolean abandon(String id) {
    return move(id, AdminChangeRow.State.PENDING, AdminChangeRow.State.ABANDONED);
  }

  /** The owner's answer: DONE with the version written, or FAILED with the status and detail of the refusal. */
  public void answer(String id, AdminChangeRow.State outcome, Long version, Integer status, String detail) {
    transactions.run(em -> {
      AdminChangeRow row = em.find(AdminChangeRow.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (row != null) {
        row.answer(outcome, version, status, detail);
      }
      return null;
    });
  }

  public Optional<AdminChangeRow> read(String id) {
    return transactions.run(em -> Optional.ofNullable(em.find(AdminChangeRow.class, id)));
  }

  /** Deletes requests older than {@code age}, answered or not: their askers are long gone. */
  public int purgeOlderThan(Duration age) {
    return transactions.run(em -> em.createQuery("DELETE FROM AdminChangeRow c WHERE c.requestedAt < :before")
        .setParameter("before", Timestamp.from(clock.now(em).minus(age)))
        .executeUpdate());
  }

  private boolean move(String id, AdminChangeRow.State from, AdminChangeRow.State to) {
    return transactions.run(em -> {
      AdminChangeRow row = em.find(AdminChangeRow.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (row == null || row.state() != from) {
        return false;
      }
      row.moveTo(to);
      return true;
    });
  }
}
