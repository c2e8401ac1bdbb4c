package dev.datamanager.persistence.record;

import static dev.datamanager.persistence.testing.Changes.PROCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.LeaseStanding;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.persistence.testing.DatabaseKind;
import dev.datamanager.persistence.testing.PostgresExtension;
import dev.datamanager.persistence.testing.FreshDatabase;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lease ages come from the database clock, so a node whose clock reads 26 hours ahead cannot make
 * another node's fresh lease look stale.
 *
 * <p>PostgreSQL only: embedded Derby runs inside the one node that uses it, so its clock (and its
 * zone-less TIMESTAMP) is that node's clock; there is no second node to disagree with it.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseClockIT {

  static final RecordKey KEY = new RecordKey("PlayerData", "Player_42");
  static final Duration RECENT = Duration.ofMinutes(2);
  static final Duration STALE = Duration.ofMinutes(5);
  /** UTC-12 and UTC+14: wall clocks 26 hours apart, far beyond the 5-minute stale limit. */
  static final TimeZone WEST = TimeZone.getTimeZone("Etc/GMT+12");
  static final TimeZone EAST = TimeZone.getTimeZone("Pacific/Kiritimati");

  @Test
  void aNodeWithAShiftedClockStillSeesAFreshLeaseAsRecent() throws Exception {
    TimeZone original = TimeZone.getDefault();
    try (FreshDatabase db = DatabaseKind.POSTGRESQL.freshDatabase().migrated()) {
      TimeZone.setDefault(WEST);
      Acquired held = assertInstanceOf(Acquired.class,
          db.repository("node-west").acquire(KEY, "node-west", PROCESS, RECENT, STALE, true, "{}"));
      LocalDateTime westWallClock = LocalDateTime.now();

      TimeZone.setDefault(EAST);
      var east = db.repository("node-east");
      Duration wallClockSkew = Duration.between(westWallClock, LocalDateTime.now(ZoneId.of(EAST.getID())));
      assertTrue(wallClockSkew.compareTo(Duration.ofHours(25)) > 0, "the nodes' wall clocks disagree by " + wallClockSkew);

      Refused refused = assertInstanceOf(Refused.class, east.acquire(KEY, "node-east", PROCESS, RECENT, STALE, true, "{}"));
      assertEquals("node-west", refused.owner());
      assertEquals(LeaseStanding.RECENT, refused.standing());
      assertTrue(refused.leaseAge().compareTo(Duration.ofSeconds(10)) < 0, "lease age " + refused.leaseAge());
      assertEquals(held.leaseRenewedAt(), east.read(KEY).orElseThrow().lock().leaseRenewedAt(),
          "both nodes read the same instant");
    } finally {
      TimeZone.setDefault(original);
    }
  }
}
