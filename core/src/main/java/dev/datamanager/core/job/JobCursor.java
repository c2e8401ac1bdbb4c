package dev.datamanager.core.job;

import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.persistence.job.JobLedger.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/** The opaque cursor of the job list: the start time and id of the last job of a page, base64url. */
final class JobCursor {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private JobCursor() {}

  static String of(Position position) {
    String text = position.startedAt() + "|" + position.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The position {@code cursor} names; a 400 for anything the list never gave out. */
  static Position parse(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length == 2 && ID.matcher(parts[1]).matches()) {
        return new Position(Instant.parse(parts[0]), parts[1]);
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // reported below
    }
    throw new InvalidRequestException("\"cursor\" is not a cursor this list gave out; send the next of the previous"
        + " page as it was.");
  }
}
