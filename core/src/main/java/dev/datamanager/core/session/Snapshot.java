package dev.datamanager.core.session;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * What a save writes: the document and user ids as they were at change number {@code changeCount}, under lease
 * {@code generation}, and the ids of the messages consumed in RAM to reach that document, which the save deletes.
 */
public record Snapshot(JsonObject document, long changeCount, long generation, long version, List<String> userIds,
    int schemaVersion, List<String> consumedMessages) {

  public Snapshot {
    consumedMessages = List.copyOf(consumedMessages);
  }

  /** A snapshot with no message consumed. */
  public Snapshot(JsonObject document, long changeCount, long generation, long version, List<String> userIds,
      int schemaVersion) {
    this(document, changeCount, generation, version, userIds, schemaVersion, List.of());
  }
}
