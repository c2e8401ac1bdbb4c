package dev.datamanager.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header (RFC 9110): whole seconds, or an HTTP date. */
final class RetryAfter {

  private RetryAfter() {}

  /** The wait the header asks for, measured from {@code now} for a date; empty when absent or unreadable. */
  static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException tooLong) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE)); // longer than any policy waits
      }
    }
    try {
      Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant());
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}
