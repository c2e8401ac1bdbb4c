package dev.datamanager.persistence.record;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each running process's heartbeat, stamped by the database clock. A lease renewal can lag far behind on a starved
 * machine (an autosave working through a backlog) while its owner keeps answering; such an owner may hold
 * acknowledged updates it has yet to save, so its records are not stolen while it beats. A process that stopped
 * (killed, frozen, cut off from the database) stops beating, and its stale leases are stolen as before.
 */
public final class ProcessBeats {

  private final Transactions transactions;
  private final DatabaseClock clock;

  ProcessBeats(Transactions transactions, DatabaseClock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Process {@code incarnation} of {@code serverId} is alive now (database clock). */
  public void beat(String serverId, String incarnation) {
    transactions.run(em -> {
      Timestamp now = Timestamp.from(clock.now(em));
      int updated = em.createNativeQuery(
              "UPDATE DM_PROCESS_BEAT SET BEAT_AT = ? WHERE SERVER_ID = ? AND INCARNATION = ?")
          .setParameter(1, now).setParameter(2, serverId).setParameter(3, incarnation)
          .executeUpdate();
      if (updated == 0) { // only this process writes its row: nobody races this insert
        em.createNativeQuery("INSERT INTO DM_PROCESS_BEAT (SERVER_ID, INCARNATION, BEAT_AT) VALUES (?, ?, ?)")
            .setParameter(1, serverId).setParameter(2, incarnation).setParameter(3, now)
            .executeUpdate();
      }
      return null;
    });
  }

  /** The process has released every session it could and stops: from now on only its leases speak for it. */
  public void end(String serverId, String incarnation) {
    transactions.run(em -> em.createNativeQuery("DELETE FROM DM_PROCESS_BEAT WHERE SERVER_ID = ? AND INCARNATION = ?")
        .setParameter(1, serverId).setParameter(2, incarnation)
        .executeUpdate());
  }

  /**
   * Forgets processes silent for longer than {@code silence} (crashed ones never end their beat): a beat that old
   * protects no lease, so forgetting it changes no join's outcome.
   *
   * @return how many were forgotten
   */
  public int forgetSilentFor(Duration silence) {
    return transactions.run(em -> em.createNativeQuery("DELETE FROM DM_PROCESS_BEAT WHERE BEAT_AT < ?")
        .setParameter(1, Timestamp.from(clock.now(em).minus(silence)))
        .executeUpdate());
  }

  /**
   * When the process holding {@code row} last beat, read inside the caller's transaction; empty when it never
   * beat or has ended.
   */
  static Optional<Instant> last(EntityManager em, StoredRecord row) {
    if (row.owner() == null || row.incarnation() == null) {
      return Optional.empty();
    }
    List<?> beats = em.createNativeQuery(
            "SELECT BEAT_AT FROM DM_PROCESS_BEAT WHERE SERVER_ID = ? AND INCARNATION = ?")
        .setParameter(1, row.owner()).setParameter(2, row.incarnation())
        .getResultList();
    return beats.stream().findFirst().map(beat -> ((Timestamp) beat).toInstant());
  }
}
