package dev.datamanager.persistence.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One user id a record holds data about: the index that access and erasure requests search. */
@Entity
@Table(name = "DM_RECORD_USER")
@IdClass(RecordUserId.class)
public class RecordUser {

  @Id
  @Column(name = "USER_ID", length = 64)
  private String userId;

  @Id
  @Column(name = "STORE_NAME", length = 50)
  private String store;

  @Id
  @Column(name = "RECORD_KEY", length = 50)
  private String key;

  protected RecordUser() {}

  RecordUser(String userId, String store, String key) {
    this.userId = userId;
    this.store = store;
    this.key = key;
  }

  public String userId() {
    return userId;
  }

  public String store() {
    return store;
  }

  public String key() {
    return key;
  }
}
