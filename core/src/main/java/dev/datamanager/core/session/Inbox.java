package dev.datamanager.core.session;

import dev.datamanager.api.message.MessageView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A session's messages: those pending (oldest first), and those consumed in RAM whose removal no commit has saved
 * yet. Not thread-safe: its session's lock guards it.
 */
final class Inbox {

  private Map<String, MessageView> pending = new LinkedHashMap<>();
  private final Set<String> consumed = new LinkedHashSet<>();
  // Moves on whenever a commit saved consumes: a poll read before that may still list them, so it must not apply.
  private long epoch;

  boolean isPending(String id) {
    return pending.containsKey(id);
  }

  /** Moves message {@code id} from pending to consumed-not-committed; the caller checked it is pending. */
  void consume(String id) {
    pending.remove(id);
    consumed.add(id);
  }

  /**
   * The pending messages become {@code current} (what the database holds, oldest first), except those consumed in
   * RAM and not committed yet, which must never come back.
   *
   * @return how many of them were not in the inbox before
   */
  int replace(List<MessageView> current) {
    Map<String, MessageView> next = new LinkedHashMap<>();
    int fresh = 0;
    for (MessageView message : current) {
      if (consumed.contains(message.id())) {
        continue;
      }
      if (!pending.containsKey(message.id())) {
        fresh++;
      }
      next.put(message.id(), message);
    }
    pending = next;
    return fresh;
  }

  /** The ids among {@code ids} this inbox holds neither as pending nor as consumed: their bodies are needed. */
  List<String> unknown(List<String> ids) {
    return ids.stream().filter(id -> !pending.containsKey(id) && !consumed.contains(id)).toList();
  }

  /** The message already in the inbox with this id, or null. */
  MessageView pending(String id) {
    return pending.get(id);
  }

  /** A commit saved the removal of {@code ids}: they are gone from the database, so they leave this list. */
  void committed(List<String> ids) {
    if (consumed.removeAll(ids)) {
      epoch++;
    }
  }

  List<MessageView> pending() {
    return List.copyOf(pending.values());
  }

  List<String> consumed() {
    return new ArrayList<>(consumed);
  }

  int size() {
    return pending.size();
  }

  long epoch() {
    return epoch;
  }
}
