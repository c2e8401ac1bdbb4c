package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.ReleaseRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The database side of a handoff: a joining node writes a release request on a record another process holds, and
 * the owner polls for fresh requests; no lock is taken and nothing but the request is written.
 */
public final class HandoffRequests {

  private final Transactions transactions;
  private final DatabaseClock clock;

  HandoffRequests(Transactions transactions, DatabaseClock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Asks the process holding {@code key} to save and release it for process {@code incarnation} of
   * {@code requester}.
   *
   * @return whether another process holds the record, so the request has someone to answer it
   */
  public boolean request(RecordKey key, String requester, String incarnation) {
    return transactions.run(em -> {
      Instant now = clock.now(em);
      return em.createQuery("UPDATE StoredRecord r SET r.releaseRequestedBy = :requester,"
              + " r.releaseRequestedAt = :now WHERE r.store = :store AND r.key = :key AND r.owner IS NOT NULL"
              + " AND (r.owner <> :requester OR r.incarnation IS NULL OR r.incarnation <> :incarnation)")
          .setParameter("requester", requester)
          .setParameter("incarnation", incarnation)
          .setParameter("now", Timestamp.from(now))
          .setParameter("store", key.store())
          .setParameter("key", key.key())
          .executeUpdate() == 1;
    });
  }

  /**
   * The records process {@code incarnation} of {@code serverId} holds that another node asked for within
   * {@code maxAge}: an older request's joiner has given up, and answering it would only end a player's session.
   */
  public List<ReleaseRequest> pending(String serverId, String incarnation, Duration maxAge) {
    return transactions.run(em -> {
      Instant since = clock.now(em).minus(maxAge);
      return em.createQuery("SELECT r.store, r.key, r.releaseRequestedBy FROM StoredRecord r WHERE r.owner = :owner"
              + " AND r.incarnation = :incarnation AND r.releaseRequestedAt >= :since", Object[].class)
          .setParameter("owner", serverId)
          .setParameter("incarnation", incarnation)
          .setParameter("since", Timestamp.from(since))
          .getResultList()
          .stream()
          .map(row -> new ReleaseRequest(new RecordKey((String) row[0], (String) row[1]), (String) row[2]))
          .toList();
    });
  }
}
