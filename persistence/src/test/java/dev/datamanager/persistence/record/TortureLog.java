package dev.datamanager.persistence.record;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.RecordKey;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every operation the torture's nodes had accepted, plus counts of those that were turned away. */
final class TortureLog {

  /** One accepted operation: who did it, under which generation, and the version and data it saw or wrote. */
  record Event(Kind kind, RecordKey key, String server, long generation, long version, String data) {
    enum Kind { ACQUIRED, COMMITTED, RELEASED }

    boolean isWrite() {
      return kind != Kind.ACQUIRED;
    }
  }

  private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
  private final AtomicLong attempted = new AtomicLong();
  private final AtomicLong refusals = new AtomicLong();
  private final AtomicLong lockLosses = new AtomicLong();
  private final AtomicLong steals = new AtomicLong();

  void attempt() {
    attempted.incrementAndGet();
  }

  void acquired(String server, Acquired acquired) {
    if (acquired.stolen()) {
      steals.incrementAndGet();
    }
    events.add(new Event(Event.Kind.ACQUIRED, acquired.key(), server, acquired.generation(),
        acquired.version(), acquired.data()));
  }

  void wrote(Event.Kind kind, RecordKey key, String server, long generation, long version, String data) {
    events.add(new Event(kind, key, server, generation, version, data));
  }

  void refused() {
    refusals.incrementAndGet();
  }

  void lockLost() {
    lockLosses.incrementAndGet();
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  long count(Event.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).count();
  }

  long attempted() {
    return attempted.get();
  }

  long refusals() {
    return refusals.get();
  }

  long lockLosses() {
    return lockLosses.get();
  }

  long steals() {
    return steals.get();
  }
}
