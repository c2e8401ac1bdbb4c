package dev.datamanager.persistence.record;

import dev.datamanager.api.record.LeaseStanding;
import dev.datamanager.api.record.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The join rule: a free record or one this node already holds is taken, a lease younger than
 * {@code stale} refuses the join, an older one is presumed dead and stolen.
 */
record LeasePolicy(Duration recent, Duration stale) {

  LeasePolicy {
    if (recent.isNegative() || stale.compareTo(recent) < 0) {
      throw new IllegalArgumentException("Need 0 <= recent <= stale, got " + recent + " and " + stale);
    }
  }

  /** The refusal for {@code serverId}'s join at the database's {@code now}, or empty when it may take the lock. */
  Optional<Refused> refusal(StoredRecord row, String serverId, Instant now) {
    if (row.owner() == null || row.owner().equals(serverId)) {
      return Optional.empty();
    }
    Duration age = row.leaseAge(now);
    if (age.compareTo(stale) >= 0) {
      return Optional.empty();
    }
    LeaseStanding standing = age.compareTo(recent) < 0 ? LeaseStanding.RECENT : LeaseStanding.AGEING;
    return Optional.of(new Refused(row.recordKey(), row.owner(), age, stale.minus(age), standing));
  }
}
