package dev.datamanager.it.fleet;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the simulated clients sent and what the nodes acknowledged: per player the highest update sequence sent and
 * answered 200 (with the time of each acknowledgement), the starting items handed out, and every gift message.
 */
final class Ledger {

  private final Map<String, Updates> updates = new ConcurrentHashMap<>();
  private final Map<String, String> startingItems = new ConcurrentHashMap<>(); // item -> key, acknowledged
  private final Map<String, String> possibleItems = new ConcurrentHashMap<>(); // item -> key, sent
  private final Map<String, String> giftsSent = new ConcurrentHashMap<>(); // gift -> key, attempted
  private final Map<String, String> giftsStored = new ConcurrentHashMap<>(); // gift -> key, answered 202
  private final Map<String, String> giftsAcked = new ConcurrentHashMap<>(); // gift -> key, ack answered 200
  private final List<String> joinedBehind = new CopyOnWriteArrayList<>();

  /** Update {@code seq} of {@code key} is about to be sent. */
  void sent(String key, long seq) {
    updates(key).sent(seq);
  }

  /** Update {@code seq} of {@code key} was answered 200 at {@code epochMillis}. */
  void acknowledged(String key, long seq, long epochMillis) {
    updates(key).acknowledged(seq, epochMillis);
  }

  /**
   * A join of {@code key} answered its document with update {@code seq}: an update acknowledged before the join and
   * missing from it is lost, even if a later update overwrites the evidence.
   */
  void joined(String key, String node, long seq) {
    long acknowledged = updates(key).maxAcknowledged();
    if (seq < acknowledged) {
      joinedBehind.add(key + ": a join on " + node + " answered update " + seq + " after update " + acknowledged
          + " was answered 200");
    }
  }

  List<String> joinedBehind() {
    return joinedBehind;
  }

  void itemsSent(String key, Iterable<String> items) {
    items.forEach(item -> possibleItems.put(item, key));
  }

  void itemsAcknowledged(String key, Iterable<String> items) {
    items.forEach(item -> startingItems.put(item, key));
  }

  void giftSent(String key, String gift) {
    giftsSent.put(gift, key);
  }

  void giftStored(String key, String gift) {
    giftsStored.put(gift, key);
  }

  void giftAcked(String key, String gift) {
    giftsAcked.put(gift, key);
  }

  Map<String, Updates> updates() {
    return updates;
  }

  /** Items handed out by an acknowledged update: each must be stored exactly once, in some record. */
  Map<String, String> startingItems() {
    return startingItems;
  }

  /** Items sent out at all: none may be stored twice, nothing else may be stored. */
  Set<String> possibleItems() {
    return possibleItems.keySet();
  }

  Map<String, String> giftsSent() {
    return giftsSent;
  }

  Map<String, String> giftsStored() {
    return giftsStored;
  }

  Map<String, String> giftsAcked() {
    return giftsAcked;
  }

  private Updates updates(String key) {
    return updates.computeIfAbsent(key, k -> new Updates());
  }

  /** One player's updates; its own client sends them one at a time, with rising sequence numbers from 1. */
  static final class Updates {
    private long maxSent;
    private long maxAcknowledged;
    private long[] acknowledgedAt = new long[8]; // by sequence; 0: not acknowledged

    synchronized void sent(long seq) {
      maxSent = Math.max(maxSent, seq);
    }

    synchronized void acknowledged(long seq, long epochMillis) {
      maxAcknowledged = Math.max(maxAcknowledged, seq);
      if (seq >= acknowledgedAt.length) {
        acknowledgedAt = Arrays.copyOf(acknowledgedAt, (int) Math.max(seq + 1, acknowledgedAt.length * 2L));
      }
      acknowledgedAt[(int) seq] = epochMillis;
    }

    synchronized long maxSent() {
      return maxSent;
    }

    synchronized long maxAcknowledged() {
      return maxAcknowledged;
    }

    /** When the first update after {@code savedSeq} up to {@code seq} was acknowledged, or 0 if none was. */
    synchronized long firstAcknowledgedAfter(long savedSeq, long seq) {
      for (long s = savedSeq + 1; s <= seq && s < acknowledgedAt.length; s++) {
        if (acknowledgedAt[(int) s] != 0) {
          return acknowledgedAt[(int) s];
        }
      }
      return 0;
    }
  }
}
