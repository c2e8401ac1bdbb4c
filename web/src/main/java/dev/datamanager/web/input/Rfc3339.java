package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads RFC 3339 date-times with any offset ({@code Z}, {@code +02:00}) as instants. */
public final class Rfc3339 {

  private Rfc3339() {}

  /** The instant {@code text} names; a 400 problem naming {@code field} when it is not an RFC 3339 date-time. */
  public static Instant instant(String field, String text) {
    try {
      // RFC 3339 allows a lower-case t and z.
      return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("\"" + field + "\" is not an RFC 3339 date-time with an offset, such as"
          + " 2026-11-25T20:00:00Z or 2026-11-25T21:00:00+01:00.");
    }
  }
}
