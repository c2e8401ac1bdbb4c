package dev.datamanager.api.record;

import java.time.Instant;
import java.util.Set;

/**
 * The result of renewing leases: which are still ours (renewed now) and which were lost.
 *
 * @param renewedAt the new lease time of every renewed record, by the database clock (null if none was renewed)
 */
public record Renewal(Set<RecordKey> renewed, Set<RecordKey> lost, Instant renewedAt) {

  public Renewal {
    renewed = Set.copyOf(renewed);
    lost = Set.copyOf(lost);
  }
}
