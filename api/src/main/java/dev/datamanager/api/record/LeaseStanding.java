package dev.datamanager.api.record;

/** How old another node's lease is, as reported with a refusal. */
public enum LeaseStanding {
  /** Renewed less than {@code recent} ago: the owner is alive and saving. */
  RECENT,
  /** Between {@code recent} and {@code stale}: the owner may be dead, but it is too early to steal. */
  AGEING,
  /** Older than {@code stale}: the owner is presumed dead, but it is asked to release first. */
  STALE
}
