package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidRequestException;
import java.util.regex.Pattern;

/** A message id in a path: the lower-case UUID a send answered. */
public final class MessageIdRule {

  private static final Pattern VALID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private MessageIdRule() {}

  /** The id, or a 400 when it is no message id. */
  public static String of(String id) {
    if (id == null || !VALID.matcher(id).matches()) {
      throw new InvalidRequestException("A message id is the lower-case UUID its send answered, such as"
          + " 0b6f3c5e-8d2a-4f1e-9c43-5a7d2e9b1f20.");
    }
    return id;
  }
}
