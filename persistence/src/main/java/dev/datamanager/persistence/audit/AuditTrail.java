package dev.datamanager.persistence.audit;

import dev.datamanager.persistence.record.DatabaseClock;
import dev.datamanager.persistence.record.Transactions;
import jakarta.persistence.EntityManagerFactory;

/** Appends admin actions to the audit trail, each in its own transaction, at the database's time. */
public class AuditTrail {

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();

  public AuditTrail(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, clock);
  }

  /**
   * Records one action.
   *
   * @param target what it concerned ({@code store/key}, a job id, a hashed user id)
   * @param outcome how it ended ({@code ok}, {@code pending}, {@code refused}, {@code failed})
   */
  public AuditEntry append(String user, String action, String target, String outcome, String detail) {
    return transactions.run(em -> {
      AuditEntry entry = new AuditEntry(clock.now(em), user, action, target, outcome, detail);
      em.persist(entry);
      return entry;
    });
  }
}
