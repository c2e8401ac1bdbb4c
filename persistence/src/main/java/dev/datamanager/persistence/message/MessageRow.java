package dev.datamanager.persistence.message;

import dev.datamanager.api.record.RecordKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;

/** One pending message: a JSON object sent to a record, when (database clock) and by whom. */
@Entity
@Table(name = "DM_MESSAGE")
public class MessageRow {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "STORE_NAME", nullable = false, length = 50)
  private String store;

  @Column(name = "RECORD_KEY", nullable = false, length = 50)
  private String key;

  @Column(name = "SENT_AT", nullable = false)
  private Timestamp sentAt;

  @Column(name = "SENT_BY", nullable = false, length = 100)
  private String sentBy;

  @Lob
  @Column(name = "BODY", nullable = false)
  private String body;

  @Column(name = "BYTES", nullable = false)
  private long bytes;

  protected MessageRow() {}

  MessageRow(String id, RecordKey key, String sentBy, String body, long bytes, Instant now) {
    this.id = id;
    this.store = key.store();
    this.key = key.key();
    this.sentBy = sentBy;
    this.body = body;
    this.bytes = bytes;
    this.sentAt = Timestamp.from(now);
  }

  PendingMessage pending() {
    return new PendingMessage(new RecordKey(store, key), id, sentAt.toInstant(), body);
  }
}
