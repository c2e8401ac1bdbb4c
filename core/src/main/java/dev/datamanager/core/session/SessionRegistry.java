package dev.datamanager.core.session;

import dev.datamanager.api.error.SessionLeavingException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.error.SessionNotHeldException;
import dev.datamanager.api.error.ShuttingDownException;
import dev.datamanager.api.record.RecordKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/**
 * The sessions this node holds in RAM, and for a while the ones that ended because another node took them; closed
 * for good when the shutdown flush begins, so no join can slip in behind it.
 */
@ApplicationScoped
public class SessionRegistry {

  private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());

  /** Where a session went: the node that took it (null: none), and when this node learned of it. */
  private record Gone(String newOwner, long sinceNanos) {}

  private final ConcurrentMap<RecordKey, HeldSession> held = new ConcurrentHashMap<>();
  // A lost session answers "lost" (not "not held") until the player joins again or the entry expires.
  private final ConcurrentMap<RecordKey, Gone> gone = new ConcurrentHashMap<>();
  private boolean closed;

  public Optional<HeldSession> find(RecordKey key) {
    return Optional.ofNullable(held.get(key));
  }

  /** The held session, or the reason there is none. */
  public HeldSession require(RecordKey key) {
    HeldSession session = held.get(key);
    if (session != null) {
      return session;
    }
    throw notHeld(key);
  }

  /** Why this node holds no session for {@code key}: lost or handed off lately, or never joined here. */
  public RuntimeException notHeld(RecordKey key) {
    Gone where = gone.get(key);
    return where != null ? new SessionLostException(key.store(), key.key(), where.newOwner())
        : new SessionNotHeldException(key.store(), key.key());
  }

  /** The refusal a caller gets when its session is being released or is gone. */
  public RuntimeException refusal(RecordKey key, NotAcceptingChanges e) {
    return e.phase() == HeldSession.Phase.RELEASING ? new SessionLeavingException(key.store(), key.key())
        : notHeld(key);
  }

  /**
   * Holds a freshly joined session.
   *
   * @throws ShuttingDownException once the shutdown flush has begun: the caller must release what it acquired
   */
  public synchronized void add(RecordKey key, HeldSession session) {
    if (closed) {
      throw new ShuttingDownException();
    }
    gone.remove(key);
    held.put(key, session);
  }

  /** No session is added from now on; every one added before is in {@link #entries()}. */
  public synchronized void close() {
    closed = true;
  }

  /** Drops {@code session} (released) only if it is still the one held, so a late outcome never drops a newer join. */
  public boolean remove(RecordKey key, HeldSession session) {
    session.end();
    return held.remove(key, session);
  }

  /** The lock was taken by another node: drop the session; its stale data must never be written. */
  public void markLost(RecordKey key, HeldSession session, String newOwner) {
    session.end();
    if (held.remove(key, session)) {
      gone.put(key, new Gone(newOwner, System.nanoTime()));
      LOG.warning(() -> "Session " + key + " (generation " + session.generation() + ") was lost to "
          + (newOwner == null ? "no owner" : "node " + newOwner) + "; it is dropped unsaved");
    }
  }

  /** The session was saved and released for {@code requester} (a handoff): calls here now say where it went. */
  public void handedOff(RecordKey key, HeldSession session, String requester) {
    session.end();
    if (held.remove(key, session)) {
      gone.put(key, new Gone(requester, System.nanoTime()));
      LOG.info(() -> "Session " + key + " handed off to node " + requester);
    }
  }

  /** Forgets where sessions went longer than {@code keep} ago, so the memory of them stays bounded. */
  public void forgetGone(Duration keep) {
    long now = System.nanoTime();
    gone.values().removeIf(where -> now - where.sinceNanos() > keep.toNanos());
  }

  /** A point-in-time copy, safe to iterate while sessions come and go. */
  public List<Map.Entry<RecordKey, HeldSession>> entries() {
    return List.copyOf(held.entrySet());
  }

  public int size() {
    return held.size();
  }
}
