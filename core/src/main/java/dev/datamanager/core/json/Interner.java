package dev.datamanager.core.json;

/**
 * A fixed-size, direct-mapped cache that hands back one shared instance per equal value; a miss replaces the slot,
 * so the memory it holds is bounded by its size whatever values arrive.
 */
final class Interner<T> {

  // Slots are read and written without a lock: every value kept here is immutable (final fields only), so a racing
  // reader sees either an older or a newer complete value, and a lost write only costs a later miss.
  private final Object[] slots;
  private final int mask;

  /** A cache of {@code size} slots; {@code size} must be a power of two. */
  Interner(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two: " + size);
    }
    slots = new Object[size];
    mask = size - 1;
  }

  /** The shared instance equal to {@code value}, which becomes the shared one if none is cached. */
  @SuppressWarnings("unchecked")
  T intern(T value) {
    int hash = value.hashCode();
    int slot = (hash ^ (hash >>> 16)) & mask;
    Object cached = slots[slot];
    if (cached != null && cached.equals(value)) {
      return (T) cached;
    }
    slots[slot] = value;
    return value;
  }

  /** How many slots hold a value: never more than the size given. */
  int held() {
    int held = 0;
    for (Object slot : slots) {
      held += slot == null ? 0 : 1;
    }
    return held;
  }
}
