package dev.datamanager.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** An immutable JSON object as a shared {@link Shape} of keys and an array of values, in the keys' order. */
final class CompactObject extends AbstractMap<String, JsonValue> implements JsonObject {

  static final CompactObject EMPTY = new CompactObject(Shape.EMPTY, new JsonValue[0]);

  private final Shape shape;
  private final JsonValue[] values;

  /** An object of {@code values} under {@code shape}'s keys; the array is owned by this object from now on. */
  CompactObject(Shape shape, JsonValue[] values) {
    this.shape = shape;
    this.values = values;
  }

  @Override
  public JsonValue get(Object key) {
    int position = key instanceof String ? shape.find(key) : -1;
    return position < 0 ? null : values[position];
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String && shape.find(key) >= 0;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public Set<Map.Entry<String, JsonValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, JsonValue>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Map.Entry<String, JsonValue> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int position = next++;
            return new AbstractMap.SimpleImmutableEntry<>(shape.key(position), values[position]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }

  @Override
  public JsonArray getJsonArray(String name) {
    return (JsonArray) get(name);
  }

  @Override
  public JsonObject getJsonObject(String name) {
    return (JsonObject) get(name);
  }

  @Override
  public JsonNumber getJsonNumber(String name) {
    return (JsonNumber) get(name);
  }

  @Override
  public JsonString getJsonString(String name) {
    return (JsonString) get(name);
  }

  @Override
  public String getString(String name) {
    return getJsonString(name).getString();
  }

  @Override
  public String getString(String name, String defaultValue) {
    return get(name) instanceof JsonString text ? text.getString() : defaultValue;
  }

  @Override
  public int getInt(String name) {
    return getJsonNumber(name).intValue();
  }

  @Override
  public int getInt(String name, int defaultValue) {
    return get(name) instanceof JsonNumber number ? number.intValue() : defaultValue;
  }

  @Override
  public boolean getBoolean(String name) {
    JsonValue value = get(name);
    if (value == null) {
      throw new NullPointerException("No member " + name);
    }
    return JsonText.bool(value);
  }

  @Override
  public boolean getBoolean(String name, boolean defaultValue) {
    JsonValue value = get(name);
    return JsonText.isBoolean(value) ? JsonText.bool(value) : defaultValue;
  }

  @Override
  public boolean isNull(String name) {
    return get(name).equals(JsonValue.NULL);
  }

  @Override
  public ValueType getValueType() {
    return ValueType.OBJECT;
  }

  @Override
  public String toString() {
    return JsonText.of(this);
  }
}
