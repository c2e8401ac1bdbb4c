package dev.datamanager.persistence.record;

import dev.datamanager.api.server.NodeView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
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

  /** What a process reports with each beat: the figures {@code GET /api/v1/nodes} shows. */
  public record Figures(int sessions, int dirty, long autosaveLagMillis, boolean draining, long steals,
      long locksLost) {}

  /** Process {@code incarnation} of {@code serverId} is alive now (database clock), with these figures. */
  public void beat(String serverId, String incarnation, Figures figures) {
    transactions.run(em -> {
      Timestamp now = Timestamp.from(clock.now(em));
      Query update = em.createNativeQuery("UPDATE DM_PROCESS_BEAT SET SESSIONS = ?, DIRTY = ?, AUTOSAVE_LAG_MS = ?,"
              + " DRAINING = ?, STEALS = ?, LOCKS_LOST = ?, BEAT_AT = ? WHERE SERVER_ID = ? AND INCARNATION = ?");
      int updated = withFigures(update, figures)
          .setParameter(7, now).setParameter(8, serverId).setParameter(9, incarnation)
          .executeUpdate();
      if (updated == 0) { // only this process writes its row: nobody races this insert
        Query insert = em.createNativeQuery("INSERT INTO DM_PROCESS_BEAT (SESSIONS, DIRTY, AUTOSAVE_LAG_MS, DRAINING,"
            + " STEALS, LOCKS_LOST, BEAT_AT, SERVER_ID, INCARNATION, STARTED_AT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        withFigures(insert, figures)
            .setParameter(7, now).setParameter(8, serverId).setParameter(9, incarnation).setParameter(10, now)
            .executeUpdate();
      }
      return null;
    });
  }

  /** Binds the figures as the first six parameters, in the order of {@link Figures}: the update and the insert. */
  private static Query withFigures(Query query, Figures figures) {
    return query.setParameter(1, figures.sessions()).setParameter(2, figures.dirty())
        .setParameter(3, figures.autosaveLagMillis()).setParameter(4, figures.draining() ? 1 : 0)
        .setParameter(5, figures.steals()).setParameter(6, figures.locksLost());
  }

  /**
   * How many records are locked by a process that has not beat for {@code silence} (or never did, or ended its
   * beat) with a lease younger than {@code stale}: a node that crashed or stopped without releasing them, whose
   * players cannot join those records until the lease turns stale (an older one is taken at the next join, and is
   * not counted). The surviving nodes report the count, since the gone one cannot. Uses the owner column's index.
   */
  public long locksOfProcessesSilentFor(Duration silence, Duration stale) {
    return transactions.run(em -> {
      Instant now = clock.now(em);
      return number(em.createNativeQuery("SELECT COUNT(*) FROM DM_RECORD r"
              + " WHERE r.OWNER_ID IS NOT NULL AND r.LEASE_RENEWED_AT >= ? AND NOT EXISTS (SELECT 1 FROM"
              + " DM_PROCESS_BEAT b WHERE b.SERVER_ID = r.OWNER_ID AND b.INCARNATION = r.OWNER_INCARNATION"
              + " AND b.BEAT_AT >= ?)")
          .setParameter(1, Timestamp.from(now.minus(stale)))
          .setParameter(2, Timestamp.from(now.minus(silence)))
          .getSingleResult()).longValue();
    });
  }

  /**
   * The processes that beat within {@code within} (database clock) and have not ended, by server id, each with how
   * long it has been silent.
   */
  public List<NodeView> seenWithin(Duration within) {
    return transactions.run(em -> {
      Instant now = clock.now(em);
      List<?> rows = em.createNativeQuery("SELECT SERVER_ID, STARTED_AT, BEAT_AT, SESSIONS, DIRTY, AUTOSAVE_LAG_MS,"
              + " DRAINING, STEALS, LOCKS_LOST FROM DM_PROCESS_BEAT WHERE BEAT_AT >= ?"
              + " ORDER BY SERVER_ID, BEAT_AT DESC")
          .setParameter(1, Timestamp.from(now.minus(within)))
          .getResultList();
      return rows.stream().map(row -> node((Object[]) row, now)).toList();
    });
  }

  private static NodeView node(Object[] row, Instant now) {
    Instant lastSeen = ((Timestamp) row[2]).toInstant();
    Instant startedAt = row[1] == null ? null : ((Timestamp) row[1]).toInstant();
    return new NodeView((String) row[0], startedAt, lastSeen,
        Math.max(0, Duration.between(lastSeen, now).toSeconds()), number(row[3]).intValue(),
        number(row[4]).intValue(), number(row[5]).longValue() / 1000, number(row[6]).intValue() != 0,
        number(row[7]).longValue(), number(row[8]).longValue());
  }

  private static Number number(Object column) {
    return (Number) column;
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
