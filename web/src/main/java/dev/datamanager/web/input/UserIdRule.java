package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidUserIdException;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user-id rule: 1 to 64 characters of {@code A-Z a-z 0-9 _ - . :}, sent as JSON strings, at most 32 per record;
 * a repeated id in a list is kept once, at its first place. A break of the rule is a 400 that names it.
 */
public final class UserIdRule {

  private static final Pattern VALID = Pattern.compile(InvalidUserIdException.RULE);
  private static final String RULE = "use 1 to 64 characters of A-Z, a-z, 0-9, '_', '-', '.' and ':'";
  private static final String SHAPE = " Send a JSON array of at most " + InvalidUserIdException.MAX_PER_RECORD
      + " user ids as strings, such as [\"123\", \"steam:76561198000000000\"].";
  /** Longest part of a refused id shown in a detail; a hostile one may be megabytes long. */
  private static final int SHOWN = 70;

  private UserIdRule() {}

  /** {@code userId}, if it follows the rule. */
  public static String check(String userId) {
    if (userId == null || !VALID.matcher(userId).matches()) {
      throw new InvalidUserIdException("The user id " + shown(userId) + " is not valid: " + RULE + ".");
    }
    return userId;
  }

  /** The user ids of a request body, each once, in the order first sent. */
  public static List<String> list(JsonValue body) {
    if (!(body instanceof JsonArray array)) {
      throw new InvalidUserIdException("The body is a JSON " + type(body) + ", not an array." + SHAPE);
    }
    if (array.size() > InvalidUserIdException.MAX_PER_RECORD) {
      throw new InvalidUserIdException("The body lists " + array.size() + " user ids; a record holds at most "
          + InvalidUserIdException.MAX_PER_RECORD + ".");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonValue id = array.get(i);
      if (!(id instanceof JsonString text)) {
        throw new InvalidUserIdException("The user id at index " + i + " is a JSON " + type(id)
            + "; send every user id as a string (\"123\", not 123).");
      }
      if (!VALID.matcher(text.getString()).matches()) {
        throw new InvalidUserIdException("The user id at index " + i + ", " + shown(text.getString())
            + ", is not valid: " + RULE + ".");
      }
      ids.add(text.getString());
    }
    return List.copyOf(ids);
  }

  private static String type(JsonValue value) {
    return switch (value.getValueType()) {
      case TRUE, FALSE -> "boolean";
      default -> value.getValueType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String shown(String id) {
    if (id == null) {
      return "(none)";
    }
    return "'" + (id.length() > SHOWN ? id.substring(0, SHOWN) + "…" : id) + "'";
  }
}
