package dev.datamanager.persistence.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.api.record.LeaseStanding;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The join rule at the boundaries, with the database's "now" passed in. */
class LeasePolicyTest {

  static final LeasePolicy POLICY = new LeasePolicy(Duration.ofMinutes(2), Duration.ofMinutes(5));
  static final Instant LEASE = Instant.parse("2026-11-25T20:00:00Z");

  static StoredRecord heldBy(String owner) {
    StoredRecord row = StoredRecord.create(new RecordKey("S", "k"), "{}", 0, LEASE);
    row.take(owner, "p1", LEASE);
    return row;
  }

  /** The rule when the owner process never beat: its lease alone decides. */
  static Optional<Refused> refusal(StoredRecord row, String serverId, String incarnation, boolean steal, Instant now) {
    return POLICY.refusal(row, serverId, incarnation, steal, now, LeasePolicy.LEASE_ONLY);
  }

  @Test
  void freeOrOwnRecordIsTaken() {
    StoredRecord free = StoredRecord.create(new RecordKey("S", "k"), "{}", 0, LEASE);
    assertTrue(refusal(free, "b", "p1", true, LEASE).isEmpty());
    assertTrue(refusal(heldBy("b"), "b", "p1", true, LEASE.plusSeconds(1)).isEmpty());
  }

  @Test
  void youngLeaseIsRefusedWithTimeUntilStealable() {
    Refused recent = refusal(heldBy("a"), "b", "p1", true, LEASE.plusSeconds(30)).orElseThrow();
    assertEquals(new Refused(new RecordKey("S", "k"), "a", Duration.ofSeconds(30), Duration.ofSeconds(270),
        LeaseStanding.RECENT), recent);
    Refused ageing = refusal(heldBy("a"), "b", "p1", true, LEASE.plusSeconds(120)).orElseThrow();
    assertEquals(LeaseStanding.AGEING, ageing.standing());
    assertEquals(Duration.ofSeconds(180), ageing.retryAfter());
    assertEquals(Duration.ofMillis(1), refusal(heldBy("a"), "b", "p1", true, LEASE.plusMillis(299_999)).orElseThrow().retryAfter());
  }

  @Test
  void sameServerIdInAnotherProcessIsAnotherOwner() {
    Refused refused = refusal(heldBy("b"), "b", "p2", true, LEASE.plusSeconds(1)).orElseThrow();
    assertEquals(LeaseStanding.RECENT, refused.standing());
  }

  @Test
  void aStaleLeaseIsRefusedUntilTheJoinerAllowsTheSteal() {
    Refused stale = refusal(heldBy("a"), "b", "p1", false, LEASE.plusSeconds(300)).orElseThrow();
    assertEquals(LeaseStanding.STALE, stale.standing());
    assertEquals(Duration.ZERO, stale.retryAfter());
  }

  @Test
  void leaseAtOrPastStaleIsStealable() {
    assertTrue(refusal(heldBy("a"), "b", "p1", true, LEASE.plusSeconds(300)).isEmpty());
    assertTrue(refusal(heldBy("a"), "b", "p1", true, LEASE.plusSeconds(3000)).isEmpty());
  }

  @Test
  void aDatabaseClockBehindTheLeaseCountsAsAgeZero() {
    Refused refused = refusal(heldBy("a"), "b", "p1", true, LEASE.minusSeconds(10)).orElseThrow();
    assertEquals(Duration.ZERO, refused.leaseAge());
  }

  @Test
  void aStaleLeaseWhoseOwnerStillBeatsIsNotStolen() {
    Instant now = LEASE.plusSeconds(600);
    Refused refused = POLICY.refusal(heldBy("a"), "b", "p1", true, now, row -> Optional.of(now.minusSeconds(1)))
        .orElseThrow();
    assertEquals(LeaseStanding.RECENT, refused.standing(), "the owner beat a second ago: it is alive");
    assertEquals(Duration.ofSeconds(1), refused.leaseAge());
    assertEquals(Duration.ofSeconds(299), refused.retryAfter());
    Refused ageing = POLICY.refusal(heldBy("a"), "b", "p1", true, now, row -> Optional.of(now.minusSeconds(200)))
        .orElseThrow();
    assertEquals(LeaseStanding.AGEING, ageing.standing());
  }

  @Test
  void anOwnerSilentPastStaleIsStolenWhicheverSignCameLast() {
    Instant now = LEASE.plusSeconds(600);
    assertTrue(POLICY.refusal(heldBy("a"), "b", "p1", true, now, row -> Optional.of(now.minusSeconds(300))).isEmpty(),
        "its beat stopped 5 min ago");
    assertTrue(POLICY.refusal(heldBy("a"), "b", "p1", true, now, row -> Optional.of(LEASE.minusSeconds(60))).isEmpty(),
        "a beat older than the lease does not make the lease younger");
  }

  @Test
  void aRecentLeaseNeedsNoBeatLookup() {
    Refused refused = POLICY.refusal(heldBy("a"), "b", "p1", true, LEASE.plusSeconds(30), row -> {
      throw new AssertionError("looked up the beat of an owner whose lease is recent");
    }).orElseThrow();
    assertEquals(LeaseStanding.RECENT, refused.standing());
  }

  @Test
  void staleMustNotBeShorterThanRecent() {
    assertThrows(IllegalArgumentException.class, () -> new LeasePolicy(Duration.ofMinutes(5), Duration.ofMinutes(2)));
  }
}
