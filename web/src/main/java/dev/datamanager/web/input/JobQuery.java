package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidRequestException;
import java.util.regex.Pattern;

/** The path and query parts of the job endpoints: a job id, and the page size of the job list. */
public final class JobQuery {

  /** Jobs a page holds when the caller does not say, and at most. */
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,4}");

  private JobQuery() {}

  /** A job id (a lower-case UUID, as the API gives them out); a 400 for anything else. */
  public static String id(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidRequestException("A job id is a UUID such as 6f1c0d2e-6c55-4c59-9a53-3c1f0f6b2a10, as"
          + " the job body gives it.");
    }
    return id;
  }

  /** {@code limit}: absent means {@value #DEFAULT_LIMIT}; else a whole number from 1 to {@value #MAX_LIMIT}. */
  public static int limit(String limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (DIGITS.matcher(limit).matches()) {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    }
    throw new InvalidRequestException("\"limit\" must be a whole number from 1 to " + MAX_LIMIT + ".");
  }
}
