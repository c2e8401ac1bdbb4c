package dev.datamanager.persistence.message;

import dev.datamanager.api.error.InboxFullException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.persistence.idempotency.IdempotencyStore;
import dev.datamanager.persistence.record.DatabaseClock;
import dev.datamanager.persistence.record.Transactions;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stores, lists and deletes pending messages; every public method is one transaction. */
public class MessageRepository {

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();

  public MessageRepository(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, clock);
  }

  /**
   * Stores {@code message} unless its record already has {@code maxPending} pending, together with the answer
   * {@code remember} describes (null: none), in one transaction. A retry of a send that did commit finds its own row.
   *
   * @return the stored message, without its body
   * @throws InboxFullException if the record has {@code maxPending} messages pending; nothing is stored
   */
  public PendingMessage send(NewMessage message, int maxPending, IdempotentAnswer remember) {
    return transactions.run(em -> {
      MessageRow earlier = em.find(MessageRow.class, message.id());
      if (earlier != null) {
        return earlier.pending();
      }
      long pending = em.createQuery("SELECT COUNT(m) FROM MessageRow m WHERE m.store = :store AND m.key = :key",
              Long.class)
          .setParameter("store", message.key().store())
          .setParameter("key", message.key().key())
          .getSingleResult();
      if (pending >= maxPending) {
        throw new InboxFullException(message.key().store(), message.key().key(), maxPending);
      }
      Instant now = clock.now(em);
      MessageRow row = new MessageRow(message.id(), message.key(), message.sender(), message.body(),
          message.bytes(), now);
      em.persist(row);
      PendingMessage sent = row.pending();
      if (remember != null) {
        IdempotencyStore.remember(em, remember.user(), remember.key(), remember.fingerprint(), remember.status(),
            remember.answer().apply(sent.id(), sent.sentAt()), now);
      }
      return new PendingMessage(sent.key(), sent.id(), sent.sentAt(), null);
    });
  }

  /** The messages pending for {@code key}, oldest first, with their bodies. */
  public List<PendingMessage> pending(RecordKey key) {
    return transactions.run(em -> em.createQuery("SELECT m FROM MessageRow m WHERE m.store = :store"
            + " AND m.key = :key ORDER BY m.sentAt, m.id", MessageRow.class)
        .setParameter("store", key.store())
        .setParameter("key", key.key())
        .getResultList().stream().map(MessageRow::pending).toList());
  }

  /**
   * The messages pending for every record {@code serverId} holds the lock of, oldest first, without bodies: what an
   * owner's poll compares its inboxes with.
   */
  public List<PendingMessage> pendingHeldBy(String serverId) {
    return transactions.run(em -> em.createQuery("SELECT m.store, m.key, m.id, m.sentAt FROM MessageRow m,"
            + " StoredRecord r WHERE r.store = m.store AND r.key = m.key AND r.owner = :owner"
            + " ORDER BY m.sentAt, m.id", Object[].class)
        .setParameter("owner", serverId)
        .getResultList().stream()
        .map(row -> new PendingMessage(new RecordKey((String) row[0], (String) row[1]), (String) row[2],
            ((Timestamp) row[3]).toInstant(), null))
        .toList());
  }

  /** The bodies of the messages {@code ids} that are still pending, by id. */
  public Map<String, String> bodies(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return transactions.run(em -> {
      Map<String, String> bodies = new HashMap<>();
      List<String> all = new ArrayList<>(ids);
      for (int from = 0; from < all.size(); from += 500) {
        em.createQuery("SELECT m FROM MessageRow m WHERE m.id IN :ids", MessageRow.class)
            .setParameter("ids", all.subList(from, Math.min(all.size(), from + 500)))
            .getResultList()
            .forEach(row -> bodies.put(row.pending().id(), row.pending().body()));
      }
      return bodies;
    });
  }

  /** Deletes the pending message {@code id} of {@code key}; answers whether there was one. */
  public boolean delete(RecordKey key, String id) {
    return transactions.run(em -> em.createQuery("DELETE FROM MessageRow m WHERE m.id = :id AND m.store = :store"
            + " AND m.key = :key")
        .setParameter("id", id)
        .setParameter("store", key.store())
        .setParameter("key", key.key())
        .executeUpdate() > 0);
  }

  /** Deletes messages sent longer than {@code keep} ago (database clock), at most {@code batch}; answers how many. */
  public int prune(Duration keep, int batch) {
    return transactions.run(em -> {
      List<MessageRow> old = em.createQuery("SELECT m FROM MessageRow m WHERE m.sentAt < :before",
              MessageRow.class)
          .setParameter("before", Timestamp.from(clock.now(em).minus(keep)))
          .setMaxResults(batch)
          .getResultList();
      old.forEach(em::remove);
      return old.size();
    });
  }
}
