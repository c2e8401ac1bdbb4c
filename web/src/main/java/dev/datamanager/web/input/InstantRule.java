package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidParameterException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a query parameter that is an RFC 3339 instant, with any offset ({@code Z}, {@code +02:00}, …). */
public final class InstantRule {

  // RFC 3339 section 5.6: seconds required, a fraction optional, an offset required; "T"/"Z" in either case, and
  // the space the RFC allows between date and time.
  private static final Pattern DATE_TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
  private static final String RULE = "send an RFC 3339 date and time with an offset, such as 2026-11-25T20:00:00Z"
      + " or 2026-11-25T21:00:00.5+01:00.";

  private InstantRule() {}

  /**
   * The instant {@code raw} names, or null when the parameter was not sent.
   *
   * @throws InvalidParameterException if it was sent and is not an RFC 3339 date-time
   */
  public static Instant instant(String parameter, String raw) {
    if (raw == null) {
      return null;
    }
    if (!DATE_TIME.matcher(raw).matches()) {
      throw new InvalidParameterException(parameter, raw, RULE);
    }
    try {
      return OffsetDateTime.parse(raw.toUpperCase(Locale.ROOT).replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(parameter, raw, "no such date or time; " + RULE);
    }
  }
}
