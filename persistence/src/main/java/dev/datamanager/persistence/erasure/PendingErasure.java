package dev.datamanager.persistence.erasure;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.persistence.record.RecordId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;

/** A record an admin asked to erase that could not be erased yet: its owner's lease was still recent. */
@Entity
@Table(name = "DM_ERASURE_PENDING")
@IdClass(RecordId.class)
public class PendingErasure {

  @Id
  @Column(name = "STORE_NAME", length = 50)
  private String store;

  @Id
  @Column(name = "RECORD_KEY", length = 50)
  private String key;

  @Column(name = "REQUESTED_AT", nullable = false)
  private Timestamp requestedAt;

  @Column(name = "REQUESTED_BY", nullable = false, length = 100)
  private String requestedBy;

  // When a node may try again next (database clock); a node that claims the row moves it on first.
  @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
  private Timestamp nextAttemptAt;

  @Column(name = "ATTEMPTS", nullable = false)
  private int attempts;

  protected PendingErasure() {}

  PendingErasure(RecordKey key, String requestedBy, Instant now) {
    this.store = key.store();
    this.key = key.key();
    this.requestedBy = requestedBy;
    this.requestedAt = Timestamp.from(now);
    this.nextAttemptAt = requestedAt;
  }

  public RecordKey recordKey() {
    return new RecordKey(store, key);
  }

  public Instant requestedAt() {
    return requestedAt.toInstant();
  }

  /** The admin user who asked for the erasure. */
  public String requestedBy() {
    return requestedBy;
  }

  /** How many times a node has tried to erase the record since it was asked, this claim included. */
  public int attempts() {
    return attempts;
  }

  boolean isDue(Instant now) {
    return !nextAttemptAt.toInstant().isAfter(now);
  }

  /** Claims the next attempt: no other node tries again before {@code next}. */
  void claim(Instant next) {
    nextAttemptAt = Timestamp.from(next);
    attempts++;
  }
}
