package dev.datamanager.persistence.idempotency;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link RememberedRow}: the user and the key it sent. */
public class RememberedId implements Serializable {

  private static final long serialVersionUID = 1L;

  private String user;
  private String key;

  public RememberedId() {}

  RememberedId(String user, String key) {
    this.user = user;
    this.key = key;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RememberedId id && user.equals(id.user) && key.equals(id.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(user, key);
  }
}
