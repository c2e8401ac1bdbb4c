package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidUnicodeException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/** Refuses a parsed body with a string or member name that I-JSON (RFC 7493) forbids: lone surrogates, noncharacters. */
final class UnicodeRule {

  /** Longest name shown per pointer token in a detail; a hostile member name may be megabytes long. */
  private static final int SHOWN = 40;

  private UnicodeRule() {}

  /**
   * Checks every string value and member name of {@code body}.
   *
   * @throws InvalidUnicodeException naming the first one that breaks the rule, by JSON Pointer into the body
   */
  static void check(JsonValue body) {
    Fault fault = find(body);
    if (fault != null) {
      String where = fault.pointer().isEmpty() ? "the body's string" : (fault.memberName() ? "the member name at "
          : "the string at ") + fault.pointer();
      throw new InvalidUnicodeException(where, fault.problem());
    }
  }

  /** The first bad string: where it is (built on the way out, so a valid body builds no pointers) and why. */
  private record Fault(String pointer, boolean memberName, String problem) {
    Fault under(String token) {
      String shown = token.codePointCount(0, token.length()) > SHOWN
          ? token.substring(0, token.offsetByCodePoints(0, SHOWN)) + "…" : token;
      return new Fault("/" + printable(Json.encodePointer(shown)) + pointer, memberName, problem);
    }
  }

  private static Fault find(JsonValue value) {
    switch (value.getValueType()) {
      case STRING:
        String problem = problem(((JsonString) value).getString());
        return problem == null ? null : new Fault("", false, problem);
      case ARRAY:
        JsonArray array = value.asJsonArray();
        for (int i = 0; i < array.size(); i++) {
          Fault fault = find(array.get(i));
          if (fault != null) {
            return fault.under(Integer.toString(i));
          }
        }
        return null;
      case OBJECT:
        for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
          String nameProblem = problem(member.getKey());
          Fault fault = nameProblem != null ? new Fault("", true, nameProblem) : find(member.getValue());
          if (fault != null) {
            return fault.under(member.getKey());
          }
        }
        return null;
      default:
        return null;
    }
  }

  /** What breaks the rule in {@code text}, or null when it is all Unicode scalar values other than noncharacters. */
  static String problem(String text) {
    for (int i = 0; i < text.length(); ) {
      // codePointAt joins a well-formed pair and returns an unpaired surrogate as itself.
      int codePoint = text.codePointAt(i);
      if (forbidden(codePoint)) {
        return (isSurrogate(codePoint) ? "an unpaired surrogate " : "the noncharacter ")
            + String.format("U+%04X", codePoint) + " at UTF-16 index " + i;
      }
      i += Character.charCount(codePoint);
    }
    return null;
  }

  private static boolean forbidden(int codePoint) {
    return isSurrogate(codePoint) || (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
  }

  private static boolean isSurrogate(int codePoint) {
    return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
  }

  /** {@code text} with every forbidden code point written as {@code \\uXXXX}, so a detail is always valid text. */
  private static String printable(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (forbidden(c)) {
        shown.append(String.format("\\u%04X", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return shown.toString();
  }
}
