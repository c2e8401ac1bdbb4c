package dev.datamanager.persistence.record;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordLock;
import dev.datamanager.api.record.RecordSnapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One JSON document in a store, with its committed version and its session lock (owner, lease, generation). */
@Entity
@Table(name = "DM_RECORD")
@IdClass(RecordId.class)
public class StoredRecord {

  @Id
  @Column(name = "STORE_NAME", length = 50)
  private String store;

  @Id
  @Column(name = "RECORD_KEY", length = 50)
  private String key;

  @Lob
  @Column(name = "DATA", nullable = false)
  private String data;

  // Not @Version: the version counts fenced commits, it is not an optimistic-lock check.
  @Column(name = "RECORD_VERSION", nullable = false)
  private long version;

  @Column(name = "OWNER_ID", length = 100)
  private String owner;

  // Timestamps are only ever copied from the database clock, never from the node's clock.
  @Column(name = "LEASE_RENEWED_AT")
  private Timestamp leaseRenewedAt;

  @Column(name = "GENERATION", nullable = false)
  private long generation;

  @Column(name = "CREATED_AT", nullable = false)
  private Timestamp createdAt;

  @Column(name = "UPDATED_AT", nullable = false)
  private Timestamp updatedAt;

  @Column(name = "SCHEMA_VERSION", nullable = false)
  private int schemaVersion;

  // The user ids this record holds data about, comma-separated (a user id never contains a comma).
  @Column(name = "USER_IDS", length = 2400)
  private String userIds;

  // A handoff in progress: which node asked the owner to save and release, and when (database clock).
  @Column(name = "RELEASE_REQUESTED_BY", length = 100)
  private String releaseRequestedBy;

  @Column(name = "RELEASE_REQUESTED_AT")
  private Timestamp releaseRequestedAt;

  // The owning process: a node restarted with the same server id is another process, not the owner.
  @Column(name = "OWNER_INCARNATION", length = 36)
  private String incarnation;

  // The last session write: under which generation, at which of that session's change numbers.
  @Column(name = "SAVED_GENERATION", nullable = false)
  private long savedGeneration;

  @Column(name = "SAVED_CHANGE", nullable = false)
  private long savedChange;

  // The last release: a retried release recognises its own earlier commit by these.
  @Column(name = "RELEASED_GENERATION", nullable = false)
  private long releasedGeneration;

  @Column(name = "RELEASED_CHANGE", nullable = false)
  private long releasedChange;

  /** The columns {@link #lockedState} reads: all but the document, which a fenced write only ever replaces. */
  static final String STATE_COLUMNS = "STORE_NAME, RECORD_KEY, RECORD_VERSION, OWNER_ID, LEASE_RENEWED_AT,"
      + " GENERATION, SCHEMA_VERSION, USER_IDS, RELEASE_REQUESTED_BY, RELEASE_REQUESTED_AT, OWNER_INCARNATION,"
      + " SAVED_GENERATION, SAVED_CHANGE, RELEASED_GENERATION, RELEASED_CHANGE, CREATED_AT, UPDATED_AT";

  /** The columns {@link #bindState} writes back, in its order. */
  static final String STATE_ASSIGNMENTS = "RECORD_VERSION = ?, OWNER_ID = ?, LEASE_RENEWED_AT = ?,"
      + " SCHEMA_VERSION = ?, USER_IDS = ?, RELEASE_REQUESTED_BY = ?, RELEASE_REQUESTED_AT = ?,"
      + " OWNER_INCARNATION = ?, SAVED_GENERATION = ?, SAVED_CHANGE = ?, RELEASED_GENERATION = ?,"
      + " RELEASED_CHANGE = ?, UPDATED_AT = ?";

  /** The columns of {@link #STATE_ASSIGNMENTS}, in its order. */
  static final String STATE_TARGETS = STATE_ASSIGNMENTS.replace(" = ?", "");

  /** The columns {@link #bindIdentity} writes, in its order: the ones {@link #bindState} leaves out. */
  static final String IDENTITY_COLUMNS = "STORE_NAME, RECORD_KEY, DATA, GENERATION, CREATED_AT";

  protected StoredRecord() {}

  /**
   * A row read over JDBC by a query of {@link #STATE_COLUMNS}, without its document: never managed by the
   * provider, written back by {@link #bindState} (and its document, if {@link #write} replaced it).
   */
  static StoredRecord lockedState(ResultSet rs) throws SQLException {
    StoredRecord record = new StoredRecord();
    record.store = rs.getString("STORE_NAME");
    record.key = rs.getString("RECORD_KEY");
    record.version = rs.getLong("RECORD_VERSION");
    record.owner = rs.getString("OWNER_ID");
    record.leaseRenewedAt = rs.getTimestamp("LEASE_RENEWED_AT");
    record.generation = rs.getLong("GENERATION");
    record.schemaVersion = rs.getInt("SCHEMA_VERSION");
    record.userIds = rs.getString("USER_IDS");
    record.releaseRequestedBy = rs.getString("RELEASE_REQUESTED_BY");
    record.releaseRequestedAt = rs.getTimestamp("RELEASE_REQUESTED_AT");
    record.incarnation = rs.getString("OWNER_INCARNATION");
    record.savedGeneration = rs.getLong("SAVED_GENERATION");
    record.savedChange = rs.getLong("SAVED_CHANGE");
    record.releasedGeneration = rs.getLong("RELEASED_GENERATION");
    record.releasedChange = rs.getLong("RELEASED_CHANGE");
    record.createdAt = rs.getTimestamp("CREATED_AT");
    record.updatedAt = rs.getTimestamp("UPDATED_AT");
    return record;
  }

  /** A row read over JDBC by a query of {@link #STATE_COLUMNS} and {@code DATA}: {@link #lockedState} with its document. */
  static StoredRecord lockedWithData(ResultSet rs) throws SQLException {
    StoredRecord record = lockedState(rs);
    record.data = rs.getString("DATA");
    return record;
  }

  /** Binds the columns of {@link #IDENTITY_COLUMNS} from parameter {@code first} on; returns the next index. */
  int bindIdentity(PreparedStatement statement, int first) throws SQLException {
    int i = first;
    statement.setString(i++, store);
    statement.setString(i++, key);
    statement.setString(i++, data);
    statement.setLong(i++, generation);
    statement.setTimestamp(i++, createdAt);
    return i;
  }

  /** Binds the columns of {@link #STATE_ASSIGNMENTS} from parameter {@code first} on; returns the next index. */
  int bindState(PreparedStatement statement, int first) throws SQLException {
    int i = first;
    statement.setLong(i++, version);
    statement.setString(i++, owner);
    statement.setTimestamp(i++, leaseRenewedAt);
    statement.setInt(i++, schemaVersion);
    statement.setString(i++, userIds);
    statement.setString(i++, releaseRequestedBy);
    statement.setTimestamp(i++, releaseRequestedAt);
    statement.setString(i++, incarnation);
    statement.setLong(i++, savedGeneration);
    statement.setLong(i++, savedChange);
    statement.setLong(i++, releasedGeneration);
    statement.setLong(i++, releasedChange);
    statement.setTimestamp(i++, updatedAt);
    return i;
  }

  /** A new record from its store's template, at {@code schemaVersion}: the last migration step this node knows. */
  static StoredRecord create(RecordKey key, String initialData, int schemaVersion, Instant now) {
    StoredRecord record = new StoredRecord();
    record.store = key.store();
    record.key = key.key();
    record.data = initialData;
    record.schemaVersion = schemaVersion;
    record.createdAt = Timestamp.from(now);
    record.updatedAt = record.createdAt;
    return record;
  }

  RecordKey recordKey() {
    return new RecordKey(store, key);
  }

  String data() {
    return data;
  }

  long version() {
    return version;
  }

  String owner() {
    return owner;
  }

  long generation() {
    return generation;
  }

  String incarnation() {
    return incarnation;
  }

  int schemaVersion() {
    return schemaVersion;
  }

  List<String> userIds() {
    return userIds == null || userIds.isEmpty() ? List.of() : Arrays.asList(userIds.split(","));
  }

  /** Replaces the user ids; true when they changed. */
  boolean replaceUserIds(List<String> ids) {
    String joined = ids.isEmpty() ? null : String.join(",", ids);
    if (Objects.equals(joined, userIds)) {
      return false;
    }
    userIds = joined;
    return true;
  }

  Instant leaseRenewedAt() {
    return leaseRenewedAt == null ? null : leaseRenewedAt.toInstant();
  }

  boolean isHeldBy(String serverId, long expectedGeneration) {
    return serverId.equals(owner) && generation == expectedGeneration;
  }

  /** True when this very process (server id and incarnation) holds the lock, whatever the generation. */
  boolean isHeldByProcess(String serverId, String processIncarnation) {
    return serverId.equals(owner) && Objects.equals(incarnation, processIncarnation);
  }

  /** The change number of the session of {@code sessionGeneration} that the stored data is at (0: none yet). */
  long savedChange(long sessionGeneration) {
    return savedGeneration == sessionGeneration ? savedChange : 0;
  }

  /** True when the session of {@code sessionGeneration} released the record at {@code change} or later. */
  boolean wasReleasedBy(long sessionGeneration, long change) {
    return releasedGeneration == sessionGeneration && releasedChange >= change;
  }

  /** Age of the owner's lease at the database's {@code now}; never negative. */
  Duration leaseAge(Instant now) {
    if (leaseRenewedAt == null) {
      return ChronoUnit.FOREVER.getDuration(); // an owner without a lease is as good as dead
    }
    Duration age = Duration.between(leaseRenewedAt.toInstant(), now);
    return age.isNegative() ? Duration.ZERO : age;
  }

  /** Takes the lock for a new session: a new fencing generation invalidates every older session. */
  void take(String serverId, String processIncarnation, Instant now) {
    owner = serverId;
    incarnation = processIncarnation;
    generation++;
    renewLease(now);
    clearReleaseRequest();
  }

  void renewLease(Instant now) {
    leaseRenewedAt = Timestamp.from(now);
  }

  /** Writes the data of the session of {@code sessionGeneration} at its change number {@code change}. */
  void write(String newData, long sessionGeneration, long change, Instant now) {
    data = newData;
    version++;
    updatedAt = Timestamp.from(now);
    savedGeneration = sessionGeneration;
    savedChange = change;
  }

  /** The document now carries the migration steps up to {@code version}; written with its next write. */
  void migratedTo(int version) {
    schemaVersion = version;
  }

  /** Frees the record, remembering which session released it at which change. */
  void release(long change) {
    releasedGeneration = generation;
    releasedChange = Math.max(change, savedChange(generation));
    owner = null;
    incarnation = null;
    leaseRenewedAt = null;
    clearReleaseRequest();
  }

  private void clearReleaseRequest() {
    releaseRequestedBy = null;
    releaseRequestedAt = null;
  }

  RecordSnapshot snapshot(Instant now) {
    RecordLock lock =
        owner == null ? null : new RecordLock(owner, generation, leaseRenewedAt(), leaseAge(now));
    return new RecordSnapshot(recordKey(), data, version, generation, schemaVersion,
        createdAt.toInstant(), updatedAt.toInstant(), lock, userIds());
  }
}
