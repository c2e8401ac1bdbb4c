package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link StoredRecord}: store name and record key. */
public class RecordId implements Serializable {

  private static final long serialVersionUID = 1L;

  private String store;
  private String key;

  public RecordId() {}

  public RecordId(RecordKey recordKey) {
    this.store = recordKey.store();
    this.key = recordKey.key();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordId id && store.equals(id.store) && key.equals(id.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(store, key);
  }
}
