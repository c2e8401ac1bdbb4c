package dev.datamanager.core.session;

import dev.datamanager.api.record.RecordKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** One lock per record key, existing only while someone uses it, so joins of unrelated keys never wait on each other. */
@ApplicationScoped
public class KeyLocks {

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int users; // changed only inside the map's compute, which is atomic per key
  }

  private final ConcurrentHashMap<RecordKey, Entry> locks = new ConcurrentHashMap<>();

  /** Runs {@code work} holding {@code key}'s lock, waiting for it if need be. */
  public <T> T with(RecordKey key, Supplier<T> work) {
    Entry entry = enter(key);
    entry.lock.lock();
    try {
      return work.get();
    } finally {
      entry.lock.unlock();
      leave(key);
    }
  }

  /** Runs {@code work} holding {@code key}'s lock only if nobody holds it now; false when it did not run. */
  public boolean tryWith(RecordKey key, Runnable work) {
    Entry entry = enter(key);
    try {
      if (!entry.lock.tryLock()) {
        return false;
      }
      try {
        work.run();
        return true;
      } finally {
        entry.lock.unlock();
      }
    } finally {
      leave(key);
    }
  }

  /** How many keys have a lock right now; zero when no join is under way. */
  public int size() {
    return locks.size();
  }

  private Entry enter(RecordKey key) {
    return locks.compute(key, (k, entry) -> {
      Entry used = entry == null ? new Entry() : entry;
      used.users++;
      return used;
    });
  }

  private void leave(RecordKey key) {
    locks.computeIfPresent(key, (k, entry) -> --entry.users == 0 ? null : entry);
  }
}
