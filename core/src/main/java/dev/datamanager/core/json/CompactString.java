package dev.datamanager.core.json;

import jakarta.json.JsonString;

/** An immutable JSON string; short ones are shared between documents through {@link CompactJson}. */
final class CompactString implements JsonString {

  private final String value;

  CompactString(String value) {
    this.value = value;
  }

  @Override
  public String getString() {
    return value;
  }

  @Override
  public CharSequence getChars() {
    return value;
  }

  @Override
  public ValueType getValueType() {
    return ValueType.STRING;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonString text && value.equals(text.getString());
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(value.length() + 2);
    JsonText.appendString(text, value);
    return text.toString();
  }
}
