package dev.datamanager.persistence.record;

import dev.datamanager.api.record.LeaseStanding;
import dev.datamanager.api.record.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The join rule: a free record or one this very process already holds is taken; otherwise the owner's silence —
 * the time since its lease was renewed or, if later, since its process last beat — decides. A silence younger
 * than {@code stale} refuses the join, an older one is presumed dead and stolen once the joiner allows it.
 */
record LeasePolicy(Duration recent, Duration stale) {

  /** When the process holding a row last beat; looked up only for a lease not renewed within {@code recent}. */
  interface LastBeat extends Function<StoredRecord, Optional<Instant>> {}

  /** For rows whose owners are never asked about: their lease alone decides. */
  static final LastBeat LEASE_ONLY = row -> Optional.empty();

  LeasePolicy {
    if (recent.isNegative() || stale.compareTo(recent) < 0) {
      throw new IllegalArgumentException("Need 0 <= recent <= stale, got " + recent + " and " + stale);
    }
  }

  /**
   * The refusal for the join of process {@code incarnation} of {@code serverId} at the database's {@code now}, or
   * empty when it may take the lock. A stale lease is refused too unless {@code steal}: its owner gets one chance
   * to hand the record over first (a long database outage makes every lease look stale).
   */
  Optional<Refused> refusal(StoredRecord row, String serverId, String incarnation, boolean steal, Instant now,
      LastBeat lastBeat) {
    if (row.owner() == null || row.isHeldByProcess(serverId, incarnation)) {
      return Optional.empty();
    }
    Duration age = silence(row, now, lastBeat);
    if (age.compareTo(stale) >= 0) {
      return steal ? Optional.empty()
          : Optional.of(new Refused(row.recordKey(), row.owner(), age, Duration.ZERO, LeaseStanding.STALE));
    }
    LeaseStanding standing = age.compareTo(recent) < 0 ? LeaseStanding.RECENT : LeaseStanding.AGEING;
    return Optional.of(new Refused(row.recordKey(), row.owner(), age, stale.minus(age), standing));
  }

  private Duration silence(StoredRecord row, Instant now, LastBeat lastBeat) {
    Duration lease = row.leaseAge(now);
    if (lease.compareTo(recent) < 0) {
      return lease; // the common case costs no lookup
    }
    return lastBeat.apply(row)
        .map(beat -> Duration.between(beat, now))
        .map(beat -> beat.isNegative() ? Duration.ZERO : beat)
        .filter(beat -> beat.compareTo(lease) < 0)
        .orElse(lease);
  }
}
