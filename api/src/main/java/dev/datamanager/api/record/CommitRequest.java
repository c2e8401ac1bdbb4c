package dev.datamanager.api.record;

import java.util.List;
import java.util.Objects;

/**
 * One record of a batched write: the data a session owner wants written under its generation.
 *
 * @param change the session's change number this data is at; writes of one session are applied in this order,
 *     so an older snapshot never overwrites a newer one, and a retry recognises its own earlier write
 * @param data the document, or null for a release of a session with nothing new to save
 * @param note reason, author and tag of the version the write creates
 * @param userIds the user ids the record holds data about, written with the data; null leaves them as they are
 * @param consumedMessages ids of the record's messages consumed in RAM: deleted in the transaction that writes
 *     {@code data}, so a consume and the change acknowledged with it are saved together or not at all
 */
public record CommitRequest(RecordKey key, String serverId, long generation, long change, String data,
    VersionNote note, List<String> userIds, List<String> consumedMessages) {

  public CommitRequest {
    Objects.requireNonNull(note, "note");
    userIds = userIds == null ? null : List.copyOf(userIds);
    consumedMessages = consumedMessages == null ? List.of() : List.copyOf(consumedMessages);
  }

  /** A write that consumes no message. */
  public CommitRequest(RecordKey key, String serverId, long generation, long change, String data,
      VersionNote note, List<String> userIds) {
    this(key, serverId, generation, change, data, note, userIds, List.of());
  }

  /** A plain save by the owner itself, user ids unchanged. */
  public CommitRequest(RecordKey key, String serverId, long generation, long change, String data) {
    this(key, serverId, generation, change, data, VersionNote.of(SaveReason.SAVE, serverId), null);
  }
}
