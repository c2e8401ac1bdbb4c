package dev.datamanager.persistence.record;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link RecordVersion}: store name, record key and version number. */
public class VersionId implements Serializable {

  private static final long serialVersionUID = 1L;

  private String store;
  private String key;
  private long version;

  public VersionId() {}

  VersionId(String store, String key, long version) {
    this.store = store;
    this.key = key;
    this.version = version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VersionId id && store.equals(id.store) && key.equals(id.key) && version == id.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(store, key, version);
  }
}
