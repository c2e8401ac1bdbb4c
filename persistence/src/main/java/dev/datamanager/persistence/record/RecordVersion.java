package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.VersionNote;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** One kept version of a record: the document commit {@code version} wrote, when, by whom and why. */
@Entity
@Table(name = "DM_RECORD_VERSION")
@IdClass(VersionId.class)
public class RecordVersion {

  @Id
  @Column(name = "STORE_NAME", length = 50)
  private String store;

  @Id
  @Column(name = "RECORD_KEY", length = 50)
  private String key;

  @Id
  @Column(name = "VERSION_NO")
  private long version;

  @Column(name = "SAVED_AT", nullable = false)
  private Timestamp savedAt;

  @Column(name = "SAVED_BY", nullable = false, length = 100)
  private String savedBy;

  @Column(name = "REASON", nullable = false, length = 16)
  private String reason;

  @Column(name = "TAG", length = 64)
  private String tag;

  @Column(name = "BYTES", nullable = false)
  private long bytes;

  @Column(name = "SCHEMA_VERSION", nullable = false)
  private int schemaVersion;

  @Column(name = "PINNED", nullable = false)
  private boolean pinned;

  @Lob
  @Column(name = "DATA", nullable = false)
  private String data;

  /** The statement {@link #bindInsert} binds: a version written over JDBC, in a batch with its record's. */
  static final String INSERT = "INSERT INTO DM_RECORD_VERSION (STORE_NAME, RECORD_KEY, VERSION_NO, SAVED_AT,"
      + " SAVED_BY, REASON, TAG, BYTES, SCHEMA_VERSION, PINNED, DATA) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  protected RecordVersion() {}

  /** The version {@code row} is at now, just written at the database's {@code now}. */
  static RecordVersion of(StoredRecord row, VersionNote note, long bytes, Instant now) {
    RecordVersion v = new RecordVersion();
    RecordKey id = row.recordKey();
    v.store = id.store();
    v.key = id.key();
    v.version = row.version();
    v.savedAt = Timestamp.from(now);
    v.savedBy = note.author();
    v.reason = note.reason().wire();
    v.tag = note.tag();
    v.bytes = bytes;
    v.schemaVersion = row.schemaVersion();
    v.data = row.data();
    return v;
  }

  void bindInsert(PreparedStatement statement) throws SQLException {
    statement.setString(1, store);
    statement.setString(2, key);
    statement.setLong(3, version);
    statement.setTimestamp(4, savedAt);
    statement.setString(5, savedBy);
    statement.setString(6, reason);
    statement.setString(7, tag);
    statement.setLong(8, bytes);
    statement.setInt(9, schemaVersion);
    statement.setBoolean(10, pinned);
    statement.setString(11, data);
  }

  public RecordKey recordKey() {
    return new RecordKey(store, key);
  }

  public long version() {
    return version;
  }

  public Instant savedAt() {
    return savedAt.toInstant();
  }

  public String savedBy() {
    return savedBy;
  }

  public String reason() {
    return reason;
  }

  public String tag() {
    return tag;
  }

  public long bytes() {
    return bytes;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  public boolean pinned() {
    return pinned;
  }

  void pin(boolean value) {
    pinned = value;
  }

  public String data() {
    return data;
  }
}
