package dev.datamanager.persistence.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.LeaseStanding;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The join rule at the boundaries, with the database's "now" passed in. */
class LeasePolicyTest {

  static final LeasePolicy POLICY = new LeasePolicy(Duration.ofMinutes(2), Duration.ofMinutes(5));
  static final Instant LEASE = Instant.parse("2026-11-25T20:00:00Z");

  static StoredRecord heldBy(String owner) {
    StoredRecord row = StoredRecord.create(new RecordKey("S", "k"), "{}", LEASE);
    row.take(owner, "p1", LEASE);
    return row;
  }

  @Test
  void freeOrOwnRecordIsTaken() {
    StoredRecord free = StoredRecord.create(new RecordKey("S", "k"), "{}", LEASE);
    assertTrue(POLICY.refusal(free, "b", "p1", true, LEASE).isEmpty());
    assertTrue(POLICY.refusal(heldBy("b"), "b", "p1", true, LEASE.plusSeconds(1)).isEmpty());
  }

  @Test
  void youngLeaseIsRefusedWithTimeUntilStealable() {
    Refused recent = POLICY.refusal(heldBy("a"), "b", "p1", true, LEASE.plusSeconds(30)).orElseThrow();
    assertEquals(new Refused(new RecordKey("S", "k"), "a", Duration.ofSeconds(30), Duration.ofSeconds(270),
        LeaseStanding.RECENT), recent);
    Refused ageing = POLICY.refusal(heldBy("a"), "b", "p1", true, LEASE.plusSeconds(120)).orElseThrow();
    assertEquals(LeaseStanding.AGEING, ageing.standing());
    assertEquals(Duration.ofSeconds(180), ageing.retryAfter());
    assertEquals(Duration.ofMillis(1), POLICY.refusal(heldBy("a"), "b", "p1", true, LEASE.plusMillis(299_999)).orElseThrow().retryAfter());
  }

  @Test
  void sameServerIdInAnotherProcessIsAnotherOwner() {
    Refused refused = POLICY.refusal(heldBy("b"), "b", "p2", true, LEASE.plusSeconds(1)).orElseThrow();
    assertEquals(LeaseStanding.RECENT, refused.standing());
  }

  @Test
  void aStaleLeaseIsRefusedUntilTheJoinerAllowsTheSteal() {
    Refused stale = POLICY.refusal(heldBy("a"), "b", "p1", false, LEASE.plusSeconds(300)).orElseThrow();
    assertEquals(LeaseStanding.STALE, stale.standing());
    assertEquals(Duration.ZERO, stale.retryAfter());
  }

  @Test
  void leaseAtOrPastStaleIsStealable() {
    assertTrue(POLICY.refusal(heldBy("a"), "b", "p1", true, LEASE.plusSeconds(300)).isEmpty());
    assertTrue(POLICY.refusal(heldBy("a"), "b", "p1", true, LEASE.plusSeconds(3000)).isEmpty());
  }

  @Test
  void aDatabaseClockBehindTheLeaseCountsAsAgeZero() {
    Refused refused = POLICY.refusal(heldBy("a"), "b", "p1", true, LEASE.minusSeconds(10)).orElseThrow();
    assertEquals(Duration.ZERO, refused.leaseAge());
  }

  @Test
  void staleMustNotBeShorterThanRecent() {
    assertThrows(IllegalArgumentException.class, () -> new LeasePolicy(Duration.ofMinutes(5), Duration.ofMinutes(2)));
  }
}
