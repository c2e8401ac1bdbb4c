package dev.datamanager.it.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.it.node.Await;
import dev.datamanager.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A starved owner: its lease renewal lags past stale while it still answers (an autosave working through a backlog
 * on an overloaded machine), it has acknowledged an update it has not saved yet, and it is too slow to answer a
 * handoff in time. The lag is planted by ageing the lease in the database, the slowness by stopping A (SIGSTOP)
 * for the length of B's join. A still beat a moment ago, so B must not steal; once A runs again, B's next join is
 * a handoff that carries the acknowledged update. (With the lease alone deciding, B steals and the update is lost.)
 */
final class LaggingLease {

  private static final int ATTEMPTS_PER_ROUND = 5;
  // Ages the lease as far back as a long backlog would, unless A's autosave already saved the update (no race then).
  private static final String AGE_LEASE = "UPDATE DM_RECORD SET LEASE_RENEWED_AT = LEASE_RENEWED_AT"
      + " - INTERVAL '1 hour' WHERE STORE_NAME = ? AND RECORD_KEY = ? AND DATA NOT LIKE ?";

  private LaggingLease() {}

  static void run(FaultNode a, FaultNode b, int rounds) {
    try (Connection database = TestPostgres.shared().connect(a.databaseName())) {
      try (Statement bounded = database.createStatement()) {
        bounded.execute("SET statement_timeout = '2s'"); // A may be stopped inside a transaction on the row
      }
      for (int round = 0; round < rounds; round++) {
        round(a, b, database, round);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    System.out.printf("Lagging lease: %d rounds, no steal from a live owner, every acknowledged update handed"
        + " over%n", rounds);
  }

  private static void round(FaultNode a, FaultNode b, Connection database, int round) {
    for (int attempt = 0; attempt < ATTEMPTS_PER_ROUND; attempt++) {
      String key = "Lagging_" + round + "_" + attempt;
      String item = "acked-" + round + "-" + attempt;
      assertEquals(200, a.join(key).status(), key);
      assertEquals(200, a.append(key, item).status(), key);
      a.process.suspend();
      Answer early;
      try {
        if (!ageLease(database, key, item)) {
          continue; // already saved, or A stopped holding the row: this attempt races nothing
        }
        early = b.join(key);
      } finally {
        a.process.resume();
      }
      Answer joined = joinOnceHandedOver(b, key);
      assertTrue(Teleports.items(joined).contains(item),
          key + ": B's data lost the update A acknowledged (B's first join: " + early + "): " + joined);
      assertEquals(409, early.status(), key + ": B took the record of an owner that still beats: " + early);
      assertEquals(204, b.leave(key).status(), key);
      return;
    }
    throw new AssertionError("A saved before the lease could be aged in each of " + ATTEMPTS_PER_ROUND + " attempts");
  }

  private static boolean ageLease(Connection database, String key, String item) {
    try (PreparedStatement age = database.prepareStatement(AGE_LEASE)) {
      age.setString(1, FaultNode.STORE);
      age.setString(2, key);
      age.setString(3, "%" + item + "%");
      return age.executeUpdate() == 1;
    } catch (SQLException timedOut) {
      return false;
    }
  }

  private static Answer joinOnceHandedOver(FaultNode b, String key) {
    Answer[] last = new Answer[1];
    Await.until(Duration.ofSeconds(30), "B joins " + key, () -> (last[0] = b.join(key)).ok());
    return last[0];
  }
}
