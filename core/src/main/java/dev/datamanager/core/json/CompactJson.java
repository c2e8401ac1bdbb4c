package dev.datamanager.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Turns any JSON-P value into the compact form sessions hold: keys and short strings interned, key sets shared,
 * integral numbers as longs. A subtree already compact is kept as it is, so compacting a patched document costs only
 * what the patch replaced.
 */
public final class CompactJson {

  /** Keys and shared strings at most this long are interned; longer ones are kept as they come. */
  static final int INTERNED_LENGTH = 32;
  /** Key sets of at most this many keys are shared between objects. */
  static final int SHARED_SHAPE_KEYS = 32;
  /** Slots of each interner: a bound on the memory interning holds, whatever keys and values documents bring. */
  static final int INTERNER_SLOTS = 4096;

  private static final Interner<String> KEYS = new Interner<>(INTERNER_SLOTS);
  private static final Interner<CompactString> STRINGS = new Interner<>(INTERNER_SLOTS);
  private static final Interner<Shape> SHAPES = new Interner<>(INTERNER_SLOTS);

  private CompactJson() {}

  /** {@code object} in compact form (itself if it already is). */
  public static JsonObject of(JsonObject object) {
    return (JsonObject) of((JsonValue) object);
  }

  /** {@code value} in compact form (itself if it already is, or if it is a literal or a non-integral number). */
  public static JsonValue of(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        return value instanceof CompactObject ? value : object((JsonObject) value);
      case ARRAY:
        return value instanceof CompactArray ? value : array((JsonArray) value);
      case STRING:
        return value instanceof CompactString ? value : string(((JsonString) value).getString());
      case NUMBER:
        return number((JsonNumber) value);
      case TRUE:
        return JsonValue.TRUE;
      case FALSE:
        return JsonValue.FALSE;
      default:
        return JsonValue.NULL;
    }
  }

  /** Whether {@code value} is in compact form all the way down. */
  public static boolean isCompact(JsonValue value) {
    return value instanceof CompactObject || value instanceof CompactArray || value instanceof CompactString
        || value instanceof CompactNumber || value == JsonValue.TRUE || value == JsonValue.FALSE
        || value == JsonValue.NULL || value instanceof JsonNumber && !isPlainLong(value.toString());
  }

  private static JsonObject object(JsonObject object) {
    int size = object.size();
    if (size == 0) {
      return CompactObject.EMPTY;
    }
    String[] keys = new String[size];
    JsonValue[] values = new JsonValue[size];
    int i = 0;
    for (Map.Entry<String, JsonValue> member : object.entrySet()) {
      keys[i] = key(member.getKey());
      values[i] = of(member.getValue());
      i++;
    }
    Shape shape = new Shape(keys);
    return new CompactObject(size <= SHARED_SHAPE_KEYS ? SHAPES.intern(shape) : shape, values);
  }

  private static JsonArray array(JsonArray array) {
    int size = array.size();
    if (size == 0) {
      return CompactArray.EMPTY;
    }
    JsonValue[] values = new JsonValue[size];
    for (int i = 0; i < size; i++) {
      values[i] = of(array.get(i));
    }
    return new CompactArray(values);
  }

  private static String key(String key) {
    return key.length() <= INTERNED_LENGTH ? KEYS.intern(key) : key;
  }

  private static JsonString string(String text) {
    CompactString string = new CompactString(text);
    return text.length() <= INTERNED_LENGTH ? STRINGS.intern(string) : string;
  }

  /**
   * A long when the number's text is a plain integer that fits one: the text, equality and hash code stay those of
   * the original (a JSON-P number of scale 0); anything else (1.0, 1E+2, huge values) is kept as given.
   */
  private static JsonNumber number(JsonNumber number) {
    if (number instanceof CompactNumber) {
      return number;
    }
    // JSON-P answers an Integer or a Long only for an integral number of that exact value (Parsson's parsed ints and
    // longs): no text to read then, which is most of a document's numbers.
    Number exact = number.numberValue();
    if (exact instanceof Integer || exact instanceof Long) {
      return CompactNumber.of(exact.longValue());
    }
    String text = number.toString();
    return isPlainLong(text) ? CompactNumber.of(Long.parseLong(text)) : number;
  }

  private static boolean isPlainLong(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 18) { // 18 digits always fit a long; rarer longer ones stay as they are
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** How many keys, shared strings and key sets the interners hold now: never more than three times their slots. */
  static int interned() {
    return KEYS.held() + STRINGS.held() + SHAPES.held();
  }
}
