package dev.datamanager.api.record;

import java.util.Set;

/** The result of renewing leases: which are still ours (renewed now) and which were lost. */
public record Renewal(Set<RecordKey> renewed, Set<RecordKey> lost) {

  public Renewal {
    renewed = Set.copyOf(renewed);
    lost = Set.copyOf(lost);
  }
}
