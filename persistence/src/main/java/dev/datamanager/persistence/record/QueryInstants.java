package dev.datamanager.persistence.record;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Turns a caller's instant into a bound both databases compare at their stored precision and can represent. */
public final class QueryInstants {

  // Derby stores years 1 to 9999; an instant outside compares the same as the nearest end of that range.
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private QueryInstants() {}

  /** {@code at} cut to microseconds (PostgreSQL's precision; Derby's clock is no finer) and within range. */
  public static Timestamp bound(Instant at) {
    Instant cut = at.truncatedTo(ChronoUnit.MICROS);
    return Timestamp.from(cut.isBefore(EARLIEST) ? EARLIEST : cut.isAfter(LATEST) ? LATEST : cut);
  }
}
