package dev.datamanager.it.fault;

import java.time.Duration;
import java.util.Map;

/** The lock and autosave settings a scenario's nodes run with, passed to them as environment variables. */
public record LeaseSettings(Duration recent, Duration stale, Duration autosave) {

  /** Short enough that a dead owner's lease goes stale within seconds. */
  static final LeaseSettings SHORT = new LeaseSettings(Duration.ofSeconds(3), Duration.ofSeconds(6),
      Duration.ofSeconds(1));

  /** Long enough that a node keeps acknowledging updates from RAM through a 20 s database outage. */
  static final LeaseSettings LONG = new LeaseSettings(Duration.ofSeconds(60), Duration.ofSeconds(120),
      Duration.ofSeconds(1));

  /** No autosave within a test's lifetime: sessions stay dirty until they leave or the node stops. */
  static final LeaseSettings NO_AUTOSAVE = new LeaseSettings(Duration.ofSeconds(60), Duration.ofSeconds(120),
      Duration.ofHours(1));

  /** An autosave pass runs every second on sessions saved longer than the interval ago: a save lags by up to both. */
  static final Duration AUTOSAVE_TICK = Duration.ofSeconds(1);
  // The commit itself, and a pass that starts late on two loaded cores (2.8 s from answer to save were seen in CI).
  private static final Duration COMMIT = Duration.ofMillis(2000);

  /** How long an acknowledged update may stay unsaved before an autosave commits it: a kill loses at most this. */
  Duration unsavedWindow() {
    return autosave.plus(AUTOSAVE_TICK).plus(COMMIT);
  }

  public Map<String, String> environment() {
    return Map.of(
        "DATAMANAGER_LOCK_RECENT", recent.toString(),
        "DATAMANAGER_LOCK_STALE", stale.toString(),
        "DATAMANAGER_AUTOSAVE_INTERVAL", autosave.toString(),
        "DATAMANAGER_HANDOFF_WAIT", "PT3S",
        "DATAMANAGER_HANDOFF_POLL", "PT0.25S",
        "DATAMANAGER_SHUTDOWN_TIMEOUT", "PT30S");
  }
}
