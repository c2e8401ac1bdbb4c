package dev.datamanager.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** An immutable JSON array over an array of values. */
final class CompactArray extends AbstractList<JsonValue> implements JsonArray, RandomAccess {

  static final CompactArray EMPTY = new CompactArray(new JsonValue[0]);

  private final JsonValue[] values;

  /** An array of {@code values}, which is owned by this array from now on. */
  CompactArray(JsonValue[] values) {
    this.values = values;
  }

  @Override
  public JsonValue get(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public JsonObject getJsonObject(int index) {
    return (JsonObject) values[index];
  }

  @Override
  public JsonArray getJsonArray(int index) {
    return (JsonArray) values[index];
  }

  @Override
  public JsonNumber getJsonNumber(int index) {
    return (JsonNumber) values[index];
  }

  @Override
  public JsonString getJsonString(int index) {
    return (JsonString) values[index];
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends JsonValue> List<T> getValuesAs(Class<T> clazz) {
    return (List<T>) this;
  }

  @Override
  public String getString(int index) {
    return getJsonString(index).getString();
  }

  @Override
  public String getString(int index, String defaultValue) {
    return at(index) instanceof JsonString text ? text.getString() : defaultValue;
  }

  @Override
  public int getInt(int index) {
    return getJsonNumber(index).intValue();
  }

  @Override
  public int getInt(int index, int defaultValue) {
    return at(index) instanceof JsonNumber number ? number.intValue() : defaultValue;
  }

  @Override
  public boolean getBoolean(int index) {
    return JsonText.bool(values[index]);
  }

  @Override
  public boolean getBoolean(int index, boolean defaultValue) {
    JsonValue value = at(index);
    return JsonText.isBoolean(value) ? JsonText.bool(value) : defaultValue;
  }

  @Override
  public boolean isNull(int index) {
    return values[index].equals(JsonValue.NULL);
  }

  /** The value at {@code index}, or null past either end (the getters with a default answer it then). */
  private JsonValue at(int index) {
    return index >= 0 && index < values.length ? values[index] : null;
  }

  @Override
  public ValueType getValueType() {
    return ValueType.ARRAY;
  }

  @Override
  public String toString() {
    return JsonText.of(this);
  }
}
