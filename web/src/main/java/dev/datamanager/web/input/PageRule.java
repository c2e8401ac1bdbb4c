package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidParameterException;
import dev.datamanager.core.paging.Cursor;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The paging parameters every list shares: {@code limit} (1 to 500, default 50) and an opaque {@code cursor}, which
 * is the base64url form of the list's name and the fields core put in it, so a cursor of one list is refused by
 * another.
 */
public final class PageRule {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
  private static final int MAX_CURSOR = 1000;
  private static final String SEPARATOR = "\n";

  private PageRule() {}

  /** Items per page; the default when not sent. */
  public static int limit(String raw) {
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    int limit = DIGITS.matcher(raw).matches() ? Integer.parseInt(raw) : 0;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameterException("limit", raw, "send a whole number from 1 to " + MAX_LIMIT
          + " (default " + DEFAULT_LIMIT + ").");
    }
    return limit;
  }

  /** The cursor {@code list} gave out as {@code raw}, or null when none was sent (the first page). */
  public static Cursor cursor(String raw, String list) {
    if (raw == null) {
      return null;
    }
    List<String> parts = raw.length() > MAX_CURSOR ? List.of() : decode(raw);
    if (parts.size() < 2 || !parts.get(0).equals(list)) {
      throw new InvalidParameterException("cursor", raw, "send the next of the previous page of this list,"
          + " unchanged; leave it out for the first page.");
    }
    return new Cursor(parts.subList(1, parts.size()));
  }

  /** The text of the cursor {@code next} of {@code list}, or null on the last page. */
  public static String text(Cursor next, String list) {
    if (next == null) {
      return null;
    }
    String plain = list + SEPARATOR + String.join(SEPARATOR, next.fields());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> decode(String raw) {
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(raw);
      String plain = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return Arrays.asList(plain.split(SEPARATOR, -1));
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return List.of();
    }
  }
}
