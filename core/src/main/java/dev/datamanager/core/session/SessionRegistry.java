package dev.datamanager.core.session;

import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.error.SessionNotHeldException;
import dev.datamanager.api.record.RecordKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

/** The sessions this node holds in RAM, and the ones it lost to another node since they were joined. */
@ApplicationScoped
public class SessionRegistry {

  private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());

  private final ConcurrentMap<RecordKey, HeldSession> held = new ConcurrentHashMap<>();
  // A lost session answers "lost" (not "not held") until the player joins again; value: the new owner or "".
  private final ConcurrentMap<RecordKey, String> lost = new ConcurrentHashMap<>();

  public Optional<HeldSession> find(RecordKey key) {
    return Optional.ofNullable(held.get(key));
  }

  /** The held session, or the reason there is none. */
  public HeldSession require(RecordKey key) {
    HeldSession session = held.get(key);
    if (session != null) {
      return session;
    }
    String newOwner = lost.get(key);
    if (newOwner != null) {
      throw new SessionLostException(key.store(), key.key(), newOwner.isEmpty() ? null : newOwner);
    }
    throw new SessionNotHeldException(key.store(), key.key());
  }

  public void add(RecordKey key, HeldSession session) {
    lost.remove(key);
    held.put(key, session);
  }

  /** Drops {@code session} only if it is still the one held, so a late outcome never drops a newer join. */
  public boolean remove(RecordKey key, HeldSession session) {
    return held.remove(key, session);
  }

  /** The lock was taken by another node: drop the session; its stale data must never be written. */
  public void markLost(RecordKey key, HeldSession session, String newOwner) {
    if (held.remove(key, session)) {
      lost.put(key, newOwner == null ? "" : newOwner);
      LOG.warning(() -> "Session " + key + " (generation " + session.generation() + ") was lost to "
          + (newOwner == null ? "no owner" : "node " + newOwner) + "; it is dropped unsaved");
    }
  }

  /** The session was saved and released for {@code requester} (a handoff): calls here now say where it went. */
  public void handedOff(RecordKey key, String requester) {
    lost.put(key, requester);
    LOG.info(() -> "Session " + key + " handed off to node " + requester);
  }

  /** A point-in-time copy, safe to iterate while sessions come and go. */
  public List<Map.Entry<RecordKey, HeldSession>> entries() {
    return List.copyOf(held.entrySet());
  }

  public int size() {
    return held.size();
  }
}
