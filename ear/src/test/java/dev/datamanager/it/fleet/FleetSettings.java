package dev.datamanager.it.fleet;

import dev.datamanager.it.fault.LeaseSettings;
import java.time.Duration;
import java.util.List;

/**
 * How big and how long a fleet run is: {@code -Dit.fleet.mode=short} (the default, for CI) or {@code full}; every
 * figure can be set on its own with its {@code it.fleet.*} system property.
 */
record FleetSettings(String mode, int players, Duration updateEvery, Duration ramp, Duration steady, Duration tail,
    int threads, Duration giftEvery, int restarts, boolean stepUp, Duration step, List<Double> stepRates, Duration hardLimit) {

  /** Autosave every 10 s; leases long enough to outlive an autosave pass, short enough to recover within a run. */
  static final LeaseSettings LEASE = new LeaseSettings(Duration.ofSeconds(30), Duration.ofSeconds(60),
      Duration.ofSeconds(10));

  /** p99 of an update under which a step of the step-up phase counts as sustained. */
  static final Duration STEP_P99 = Duration.ofMillis(100);

  static FleetSettings fromSystemProperties() {
    boolean full = "full".equals(System.getProperty("it.fleet.mode", "short"));
    return new FleetSettings(full ? "full" : "short",
        Integer.getInteger("it.fleet.players", full ? 30_000 : 1_500),
        seconds("it.fleet.update.seconds", 30),
        seconds("it.fleet.ramp.seconds", full ? 60 : 10),
        seconds("it.fleet.steady.seconds", full ? 300 : 15),
        seconds("it.fleet.tail.seconds", full ? 120 : 10),
        Integer.getInteger("it.fleet.threads", full ? 256 : 48),
        seconds("it.fleet.gift.seconds", 120),
        Integer.getInteger("it.fleet.restarts", full ? 3 : 2),
        Boolean.parseBoolean(System.getProperty("it.fleet.stepup", Boolean.toString(full))),
        seconds("it.fleet.step.seconds", 30),
        List.of(0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0),
        seconds("it.fleet.limit.seconds", full ? 7_200 : 2_400));
  }

  private static Duration seconds(String property, long fallback) {
    return Duration.ofSeconds(Long.getLong(property, fallback));
  }

  /** The update rate the fleet offers at a rate multiplier of 1. */
  double updatesPerSecond() {
    return players / (updateEvery.toMillis() / 1000.0);
  }
}
