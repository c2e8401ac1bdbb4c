package dev.datamanager.core.json;

import java.util.Arrays;

/** The keys of an object in their order, shared by every object with the same keys, with a hash index when many. */
final class Shape {

  // Up to this many keys a scan beats hashing; above it, the index finds a key in O(1).
  private static final int SCAN_LIMIT = 8;

  static final Shape EMPTY = new Shape(new String[0]);

  private final String[] keys;
  private final int[] index;
  private final int hash;

  /** A shape of {@code keys}, which must be distinct and are never changed after this. */
  Shape(String[] keys) {
    this.keys = keys;
    this.index = keys.length > SCAN_LIMIT ? indexOf(keys) : null;
    this.hash = Arrays.hashCode(keys);
  }

  int size() {
    return keys.length;
  }

  String key(int position) {
    return keys[position];
  }

  /** The position of {@code key}, or -1. */
  int find(Object key) {
    if (index == null) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    for (int slot = spread(key.hashCode()) & mask; index[slot] != 0; slot = (slot + 1) & mask) {
      if (keys[index[slot] - 1].equals(key)) {
        return index[slot] - 1;
      }
    }
    return -1;
  }

  /** An open-addressing table of positions plus one (0 is empty), at most half full. */
  private static int[] indexOf(String[] keys) {
    int[] table = new int[Integer.highestOneBit(keys.length * 2 - 1) << 1];
    int mask = table.length - 1;
    for (int i = 0; i < keys.length; i++) {
      int slot = spread(keys[i].hashCode()) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = i + 1;
    }
    return table;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Shape shape && hash == shape.hash && Arrays.equals(keys, shape.keys);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
