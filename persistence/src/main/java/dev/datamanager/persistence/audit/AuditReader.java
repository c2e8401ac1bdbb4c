package dev.datamanager.persistence.audit;

import dev.datamanager.persistence.record.DatabaseClock;
import dev.datamanager.persistence.record.QueryInstants;
import dev.datamanager.persistence.record.Transactions;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit trail newest first, a page per transaction, ordered by time and then id so pages never overlap. */
public class AuditReader {

  private final Transactions transactions;

  public AuditReader(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, new DatabaseClock());
  }

  public AuditPage page(AuditQuery query) {
    return transactions.run(em -> {
      List<String> conditions = new ArrayList<>();
      if (query.from() != null) {
        conditions.add("a.at >= :from");
      }
      if (query.to() != null) {
        conditions.add("a.at <= :to");
      }
      if (query.action() != null) {
        conditions.add("a.action = :action");
      }
      if (query.after() != null) {
        conditions.add("(a.at < :afterAt OR (a.at = :afterAt AND a.id < :afterId))");
      }
      String jpql = "SELECT a FROM AuditEntry a" + (conditions.isEmpty() ? "" : " WHERE "
          + String.join(" AND ", conditions)) + " ORDER BY a.at DESC, a.id DESC";
      TypedQuery<AuditEntry> select = em.createQuery(jpql, AuditEntry.class).setMaxResults(query.limit() + 1);
      if (query.from() != null) {
        select.setParameter("from", QueryInstants.bound(query.from()));
      }
      if (query.to() != null) {
        select.setParameter("to", QueryInstants.bound(query.to()));
      }
      if (query.action() != null) {
        select.setParameter("action", query.action());
      }
      if (query.after() != null) {
        select.setParameter("afterAt", Timestamp.from(query.after().at()))
            .setParameter("afterId", query.after().id());
      }
      List<AuditEntry> found = select.getResultList();
      if (found.size() <= query.limit()) {
        return new AuditPage(found, null);
      }
      AuditEntry last = found.get(query.limit() - 1);
      return new AuditPage(List.copyOf(found.subList(0, query.limit())), new AuditPosition(last.at(), last.id()));
    });
  }
}
