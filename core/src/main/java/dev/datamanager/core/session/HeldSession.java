package dev.datamanager.core.session;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/** The RAM side of one session this node holds: its document, its dirty counter, its lease and version. */
public class HeldSession {

  // One lock per session: updates to one player are serialized, different players never wait on each other.
  private final ReentrantLock lock = new ReentrantLock();
  private final long generation;
  private final SessionLease lease;
  private JsonObject document;
  private long version;
  private long changeCount;
  private long savedCount;

  /**
   * A session just joined. {@code dirty} is true when the cached document differs from the committed one,
   * for example because reconcile filled members from the template.
   */
  public HeldSession(JsonObject document, long version, long generation, boolean dirty) {
    this(document, version, generation, dirty, new SessionLease(null));
  }

  /** A session joined under a lease the database stamped. */
  public HeldSession(JsonObject document, long version, long generation, boolean dirty, SessionLease lease) {
    this.lease = Objects.requireNonNull(lease, "lease");
    this.document = Objects.requireNonNull(document, "document");
    this.version = version;
    this.generation = generation;
    this.changeCount = dirty ? 1 : 0;
  }

  /**
   * Replaces the document with {@code update}'s result and counts the change. If {@code update} throws (a refused
   * patch), nothing changes. The update runs under the session's lock, so it must not do I/O.
   */
  public JsonObject apply(UnaryOperator<JsonObject> update) {
    lock.lock();
    try {
      JsonObject updated = Objects.requireNonNull(update.apply(document), "update result");
      document = updated;
      changeCount++;
      return updated;
    } finally {
      lock.unlock();
    }
  }

  /** The state to save; taking it is the only moment a save holds the lock. */
  public Snapshot snapshot() {
    lock.lock();
    try {
      return new Snapshot(document, changeCount, generation, version);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records that {@code saved} was committed as {@code newVersion}. The session becomes clean only if no update
   * landed since the snapshot; a late report of an older save never moves the counters or the version back.
   *
   * @return whether the session is still dirty
   */
  public boolean markSaved(Snapshot saved, long newVersion) {
    lock.lock();
    try {
      savedCount = Math.max(savedCount, saved.changeCount());
      version = Math.max(version, newVersion);
      return changeCount != savedCount;
    } finally {
      lock.unlock();
    }
  }

  public boolean isDirty() {
    lock.lock();
    try {
      return changeCount != savedCount;
    } finally {
      lock.unlock();
    }
  }

  public JsonObject document() {
    return snapshot().document();
  }

  public long version() {
    return snapshot().version();
  }

  /** The fencing token of this node's lease; a commit is refused if the record's generation moved on. */
  public long generation() {
    return generation;
  }

  public SessionLease lease() {
    return lease;
  }
}
