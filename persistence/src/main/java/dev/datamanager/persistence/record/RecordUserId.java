package dev.datamanager.persistence.record;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link RecordUser}. */
public class RecordUserId implements Serializable {

  private static final long serialVersionUID = 1L;

  private String userId;
  private String store;
  private String key;

  public RecordUserId() {}

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordUserId id && userId.equals(id.userId) && store.equals(id.store)
        && key.equals(id.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(userId, store, key);
  }
}
