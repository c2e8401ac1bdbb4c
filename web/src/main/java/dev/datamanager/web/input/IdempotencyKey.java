package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidRequestException;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header: 1 to 100 visible ASCII characters, or absent. */
public final class IdempotencyKey {

  private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,100}");

  private IdempotencyKey() {}

  /** The key, or null when the header is absent; a 400 when it breaks the rule. */
  public static String of(String header) {
    if (header == null) {
      return null;
    }
    if (!VALID.matcher(header).matches()) {
      throw new InvalidRequestException("The Idempotency-Key header must be 1 to 100 visible ASCII characters,"
          + " such as a UUID.");
    }
    return header;
  }
}
