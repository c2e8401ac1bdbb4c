package dev.datamanager.core.paging;

import dev.datamanager.api.error.InvalidParameterException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Where a page starts: the text fields of a cursor a list gave out (such as the last version of the previous page).
 * Reading a field that is not what that list put there is a {@code 400}: the caller changed or mixed up a cursor.
 */
public record Cursor(List<String> fields) {

  public Cursor {
    fields = List.copyOf(fields);
  }

  public static Cursor of(String... fields) {
    return new Cursor(List.of(fields));
  }

  /** Field {@code index}; the cursor must have exactly {@code size} fields. */
  public String text(int index, int size) {
    if (fields.size() != size) {
      throw invalid();
    }
    return fields.get(index);
  }

  /** Field {@code index} as a number of 0 or more. */
  public long number(int index, int size) {
    try {
      long value = Long.parseLong(text(index, size));
      if (value < 0) {
        throw invalid();
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  /** Field {@code index} as an instant. */
  public Instant instant(int index, int size) {
    try {
      return Instant.parse(text(index, size));
    } catch (DateTimeParseException e) {
      throw invalid();
    }
  }

  /** The caller sent a cursor this list never gave out, or one of a list in another order. */
  public InvalidParameterException invalid() {
    return new InvalidParameterException("cursor", String.join(",", fields),
        "it is not a cursor this list gave out; send the next of the previous page as it was, with the same order.");
  }
}
