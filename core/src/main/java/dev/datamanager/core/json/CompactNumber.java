package dev.datamanager.core.json;

import jakarta.json.JsonNumber;
import java.math.BigDecimal;
import java.math.BigInteger;

/** An immutable integral JSON number that fits a long; small ones are shared. */
final class CompactNumber implements JsonNumber {

  private static final int SHARED_MIN = -128;
  private static final int SHARED_MAX = 1023;
  private static final CompactNumber[] SHARED = new CompactNumber[SHARED_MAX - SHARED_MIN + 1];

  static {
    for (int i = 0; i < SHARED.length; i++) {
      SHARED[i] = new CompactNumber(SHARED_MIN + i);
    }
  }

  private final long value;

  private CompactNumber(long value) {
    this.value = value;
  }

  static CompactNumber of(long value) {
    return value >= SHARED_MIN && value <= SHARED_MAX ? SHARED[(int) value - SHARED_MIN] : new CompactNumber(value);
  }

  @Override
  public boolean isIntegral() {
    return true;
  }

  @Override
  public int intValue() {
    return (int) value;
  }

  @Override
  public int intValueExact() {
    return Math.toIntExact(value);
  }

  @Override
  public long longValue() {
    return value;
  }

  @Override
  public long longValueExact() {
    return value;
  }

  @Override
  public BigInteger bigIntegerValue() {
    return BigInteger.valueOf(value);
  }

  @Override
  public BigInteger bigIntegerValueExact() {
    return BigInteger.valueOf(value);
  }

  @Override
  public double doubleValue() {
    return value;
  }

  @Override
  public BigDecimal bigDecimalValue() {
    return BigDecimal.valueOf(value);
  }

  /** An Integer when the value fits one, as Parsson answers for the numbers it parses, else a Long. */
  @Override
  public Number numberValue() {
    // Not a conditional expression: that would unbox both sides and answer a Long always.
    if (value == (int) value) {
      return Integer.valueOf((int) value);
    }
    return Long.valueOf(value);
  }

  @Override
  public ValueType getValueType() {
    return ValueType.NUMBER;
  }

  /** Equal to any JSON number of the same value and scale, as JSON-P numbers compare (by BigDecimal). */
  @Override
  public boolean equals(Object other) {
    if (other instanceof CompactNumber number) {
      return value == number.value;
    }
    return other instanceof JsonNumber number && bigDecimalValue().equals(number.bigDecimalValue());
  }

  @Override
  public int hashCode() {
    return bigDecimalValue().hashCode();
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
