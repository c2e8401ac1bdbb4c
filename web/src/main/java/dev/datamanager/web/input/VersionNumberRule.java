package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidParameterException;
import java.util.regex.Pattern;

/** Reads a version number from the path: a whole number of 0 or more that fits the database's 64 bits. */
public final class VersionNumberRule {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");

  private VersionNumberRule() {}

  public static long version(String raw) {
    try {
      if (DIGITS.matcher(raw).matches()) {
        return Long.parseLong(raw);
      }
    } catch (NumberFormatException tooLarge) {
      // falls through to the refusal
    }
    throw new InvalidParameterException("version", raw, "send a version number: a whole number of 0 or more,"
        + " as the list of versions shows it.");
  }
}
