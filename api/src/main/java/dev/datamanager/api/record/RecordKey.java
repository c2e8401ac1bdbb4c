package dev.datamanager.api.record;

import java.util.Objects;

/** The identity of one record: a key inside a named store. */
public record RecordKey(String store, String key) implements Comparable<RecordKey> {

  public RecordKey {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(key, "key");
  }

  /** Orders keys so that every node locks the rows of a batch in the same order (no deadlocks). */
  @Override
  public int compareTo(RecordKey other) {
    int byStore = store.compareTo(other.store);
    return byStore != 0 ? byStore : key.compareTo(other.key);
  }

  @Override
  public String toString() {
    return store + "/" + key;
  }
}
