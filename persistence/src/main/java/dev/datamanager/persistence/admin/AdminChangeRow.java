package dev.datamanager.persistence.admin;

import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** One admin change asked of a record's owner, and its outcome once the owner answered. */
@Entity
@Table(name = "DM_ADMIN_CHANGE")
public class AdminChangeRow {

  /** Where a request is: waiting for the owner, being applied, answered, or given up by its asker. */
  public enum State { PENDING, TAKEN, DONE, FAILED, ABANDONED }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "STORE_NAME", nullable = false, length = 50)
  private String store;

  @Column(name = "RECORD_KEY", nullable = false, length = 50)
  private String key;

  @Column(name = "KIND", nullable = false, length = 10)
  private String kind;

  @Lob
  @Column(name = "BODY")
  private String body;

  @Column(name = "MEDIA_TYPE", length = 40)
  private String mediaType;

  @Column(name = "REASON", nullable = false, length = 16)
  private String reason;

  @Column(name = "AUTHOR", nullable = false, length = 100)
  private String author;

  @Column(name = "TAG", length = 64)
  private String tag;

  @Column(name = "REQUESTED_AT", nullable = false)
  private Timestamp requestedAt;

  @Column(name = "STATE", nullable = false, length = 10)
  private String state;

  @Column(name = "RESULT_VERSION")
  private Long resultVersion;

  @Column(name = "RESULT_STATUS")
  private Integer resultStatus;

  @Column(name = "RESULT_DETAIL", length = 2000)
  private String resultDetail;

  protected AdminChangeRow() {}

  AdminChangeRow(RecordKey key, RecordChange change, VersionNote note, Instant now) {
    id = UUID.randomUUID().toString();
    store = key.store();
    this.key = key.key();
    kind = change.kind().name();
    body = change.body();
    mediaType = change.mediaType();
    reason = note.reason().wire();
    author = note.author();
    tag = note.tag();
    requestedAt = Timestamp.from(now);
    state = State.PENDING.name();
  }

  public String id() {
    return id;
  }

  public RecordKey recordKey() {
    return new RecordKey(store, key);
  }

  public RecordChange change() {
    return new RecordChange(RecordChange.Kind.valueOf(kind), body, mediaType);
  }

  public VersionNote note() {
    return new VersionNote(SaveReason.fromWire(reason), author, tag);
  }

  public State state() {
    return State.valueOf(state);
  }

  /** The version the owner committed the change as (DONE). */
  public Long resultVersion() {
    return resultVersion;
  }

  /** The HTTP status the change failed with (FAILED), as the owner would have answered it. */
  public Integer resultStatus() {
    return resultStatus;
  }

  public String resultDetail() {
    return resultDetail;
  }

  void moveTo(State next) {
    state = next.name();
  }

  void answer(State outcome, Long version, Integer status, String detail) {
    state = outcome.name();
    resultVersion = version;
    resultStatus = status;
    resultDetail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }
}
