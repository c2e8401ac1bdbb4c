package dev.datamanager.core.session;

import dev.datamanager.api.message.MessageView;
import dev.datamanager.core.json.CompactJson;
import dev.datamanager.core.patch.SizedDocument;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The RAM side of one session this node holds: its document, its change counter, its phase, lease and version, and
 * its inbox of messages.
 */
public class HeldSession {

  /** Where the session is in its life; only a held session takes changes. */
  public enum Phase {
    /** Takes changes; autosave commits it. */
    HELD,
    /** A release (leave, handoff, shutdown) took its final snapshot; it takes no changes until that ends. */
    RELEASING,
    /** Released, lost or handed off: gone from this node, whatever a late caller still holds. */
    ENDED
  }

  /** Where the session is in a trade: in none, in one being committed now, or in one whose outcome is unknown. */
  public enum Trade { NONE, COMMITTING, UNRESOLVED }

  // A change waits this long for a trade commit in flight (milliseconds, normally) before it is refused.
  private static final Duration TRADE_WAIT = Duration.ofSeconds(2);

  // Guards the document and counters: updates to one player are serialized, different players never wait.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition tradeSettled = lock.newCondition();
  // One write of this session at a time, held across its I/O, so writes reach the database in snapshot order.
  private final ReentrantLock writes = new ReentrantLock();
  private final long generation;
  private final SessionLease lease;
  private final int schemaVersion;
  private final Inbox inbox = new Inbox();
  private JsonObject document;
  // The document's serialized size, kept by patches so none counts the whole document; unknown after other changes.
  private long documentBytes = SizedDocument.UNKNOWN;
  private List<String> userIds;
  private long version;
  private long changeCount;
  private long savedCount;
  private Phase phase = Phase.HELD;
  private Trade trade = Trade.NONE;

  /**
   * A session just joined; it holds {@code document} in compact form. {@code dirty} is true when the cached document differs from the committed one,
   * for example because reconcile filled members from the template.
   */
  public HeldSession(JsonObject document, long version, long generation, boolean dirty) {
    this(document, version, generation, dirty, new SessionLease(null));
  }

  /** A session joined under a lease the database stamped. */
  public HeldSession(JsonObject document, long version, long generation, boolean dirty, SessionLease lease) {
    this(document, version, generation, dirty, lease, List.of(), 1);
  }

  /** A session joined under a lease the database stamped, of a record with user ids at a schema version. */
  public HeldSession(JsonObject document, long version, long generation, boolean dirty, SessionLease lease,
      List<String> userIds, int schemaVersion) {
    this.lease = Objects.requireNonNull(lease, "lease");
    this.userIds = List.copyOf(userIds);
    this.schemaVersion = schemaVersion;
    // Once per join, O(document): held documents are the node's memory, patches later replace only what they touch.
    this.document = CompactJson.of(Objects.requireNonNull(document, "document"));
    this.version = version;
    this.generation = generation;
    // The database counts this generation's saved change from 0, so change numbers line up with it.
    this.changeCount = dirty ? 1 : 0;
  }

  /**
   * Replaces the document with {@code update}'s result and counts the change. If {@code update} throws (a refused
   * patch), nothing changes. The update runs under the session's lock, so it must not do I/O.
   *
   * @throws NotAcceptingChanges if the session is being released or is gone: the change is not applied
   */
  public JsonObject apply(UnaryOperator<JsonObject> update) {
    return apply(update, null);
  }

  /**
   * Like {@link #apply(UnaryOperator)}, but only while the database confirmed the lease at most {@code leaseBound}
   * ago, judged at the moment the change becomes real: a node paused in between (a long GC, SIGSTOP) must not
   * acknowledge a change another node may already have taken the record from under.
   *
   * @throws LeaseTooOld if the lease was confirmed longer ago; nothing changes
   */
  public JsonObject apply(UnaryOperator<JsonObject> update, Duration leaseBound) {
    lock.lock();
    try {
      requireHeld();
      awaitNoTrade();
      return change(update, leaseBound);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Like {@link #apply(UnaryOperator, Duration)}, for an update that is given the document's size (when known) and
   * answers the new one, so that the next update need not count the whole document either.
   *
   * @return the tag of the state this update made
   */
  public SessionTag patch(UnaryOperator<SizedDocument> update, Duration leaseBound) {
    lock.lock();
    try {
      requireHeld();
      awaitNoTrade();
      changeSized(update, leaseBound);
      return new SessionTag(generation, version, changeCount);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Consumes pending message {@code messageId}: applies {@code update} like {@link #apply(UnaryOperator, Duration)}
   * and, in the same step, moves the message to the consumed ids the next save deletes with the document. If {@code
   * update} throws, nothing changes and the message stays pending.
   *
   * @return false if no such message is pending; nothing changes
   */
  public boolean consume(String messageId, UnaryOperator<JsonObject> update, Duration leaseBound) {
    lock.lock();
    try {
      requireHeld();
      awaitNoTrade();
      if (!inbox.isPending(messageId)) {
        return false;
      }
      change(update, leaseBound);
      inbox.consume(messageId);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private JsonObject change(UnaryOperator<JsonObject> update, Duration leaseBound) {
    return changeSized(current -> {
      JsonObject updated = Objects.requireNonNull(update.apply(current.json()), "update result");
      // An update that answers the same document keeps its size; any other is counted again when needed.
      return updated == current.json() ? current : SizedDocument.uncounted(updated);
    }, leaseBound).json();
  }

  /** The one place a held document changes: under the lock, once the lease is checked, moving the change count. */
  private SizedDocument changeSized(UnaryOperator<SizedDocument> update, Duration leaseBound) {
    SizedDocument updated = Objects.requireNonNull(update.apply(new SizedDocument(document, documentBytes)),
        "update result");
    requireLease(leaseBound);
    document = updated.json();
    documentBytes = updated.bytes();
    changeCount++;
    return updated;
  }

  /** Where the inbox is: a poll that read the database before a commit saved consumes moved it must not apply. */
  public long inboxEpoch() {
    lock.lock();
    try {
      return inbox.epoch();
    } finally {
      lock.unlock();
    }
  }

  /** The ids among {@code ids} this session has not seen yet (neither pending nor consumed here). */
  public List<String> unknownMessages(List<String> ids) {
    lock.lock();
    try {
      return inbox.unknown(ids);
    } finally {
      lock.unlock();
    }
  }

  /** The pending message with this id, or null. */
  public MessageView pendingMessage(String id) {
    lock.lock();
    try {
      return inbox.pending(id);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The inbox becomes {@code current}, what the database held for the record when the inbox was at {@code epoch};
   * if a commit saved consumes since, the read may be stale and nothing changes (the next poll reads again).
   *
   * @return how many messages entered the inbox
   */
  public int deliver(long epoch, List<MessageView> current) {
    lock.lock();
    try {
      return phase == Phase.ENDED || epoch != inbox.epoch() ? 0 : inbox.replace(current);
    } finally {
      lock.unlock();
    }
  }

  /** The messages pending, oldest first. */
  public List<MessageView> messages() {
    lock.lock();
    try {
      return inbox.pending();
    } finally {
      lock.unlock();
    }
  }

  public int messageCount() {
    lock.lock();
    try {
      return inbox.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Replaces the user ids the record holds data about; they are written with the next save, like a change.
   *
   * @throws NotAcceptingChanges if the session is being released or is gone
   * @throws LeaseTooOld if the lease was confirmed longer than {@code leaseBound} ago
   */
  public void replaceUserIds(List<String> ids, Duration leaseBound) {
    List<String> copy = List.copyOf(ids);
    lock.lock();
    try {
      requireHeld();
      awaitNoTrade();
      requireLease(leaseBound);
      userIds = copy;
      changeCount++;
    } finally {
      lock.unlock();
    }
  }

  private void requireLease(Duration leaseBound) {
    Duration since = lease.sinceConfirmed();
    if (leaseBound != null && since.compareTo(leaseBound) > 0) {
      throw new LeaseTooOld(since);
    }
  }

  /**
   * Counts a change without changing the document, so the next save writes a new version even if nothing else
   * changed: what {@code POST …/save} promises.
   *
   * @throws NotAcceptingChanges if the session is being released or is gone
   */
  public void touch() {
    apply(UnaryOperator.identity());
  }

  /** The current state, whatever the phase: for reading and for views. */
  public Snapshot snapshot() {
    lock.lock();
    try {
      return new Snapshot(document, changeCount, generation, version, userIds, schemaVersion, inbox.consumed());
    } finally {
      lock.unlock();
    }
  }

  /**
   * The state to commit, taken only while the session is held and in no unresolved trade.
   *
   * @throws TradePending if a trade's outcome is not known yet: saving one side of it alone is never allowed
   */
  public Snapshot snapshotToSave() {
    lock.lock();
    try {
      requireHeld();
      if (trade != Trade.NONE) {
        throw new TradePending();
      }
      return snapshot();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The final snapshot of a release: from this moment the session takes no changes, so everything acknowledged is
   * in it. Called again while releasing (a retry), it answers the same state.
   *
   * @throws NotAcceptingChanges if the session is already gone
   * @throws TradePending if a trade's outcome is not known yet: the release waits for it
   */
  public Snapshot beginRelease() {
    lock.lock();
    try {
      if (phase == Phase.ENDED) {
        throw new NotAcceptingChanges(phase);
      }
      if (phase == Phase.HELD) {
        awaitNoTrade();
      }
      phase = Phase.RELEASING;
      return snapshot();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Starts this session's side of a trade: {@code patch} is applied to a copy of the document, and from now on the
   * session takes no change and no save until {@link #tradeCommitted} or {@link #tradeCalledOff}. The caller holds
   * the session's writes.
   *
   * @return the state the trade commits: the patched document as the next change
   * @throws NotAcceptingChanges if the session is being released or is gone
   * @throws TradePending if it is in another trade whose outcome is not known yet
   * @throws LeaseTooOld if the lease was confirmed longer than {@code leaseBound} ago
   */
  public Snapshot beginTrade(UnaryOperator<JsonObject> patch, Duration leaseBound) {
    lock.lock();
    try {
      requireHeld();
      awaitNoTrade();
      JsonObject traded = Objects.requireNonNull(patch.apply(document), "patch result");
      requireLease(leaseBound);
      trade = Trade.COMMITTING;
      return new Snapshot(traded, changeCount + 1, generation, version, userIds, schemaVersion, inbox.consumed());
    } finally {
      lock.unlock();
    }
  }

  /** The trade committed {@code traded} as {@code newVersion}: the session holds it, saved, and takes changes again. */
  public void tradeCommitted(Snapshot traded, long newVersion) {
    lock.lock();
    try {
      document = traded.document();
      documentBytes = SizedDocument.UNKNOWN;
      changeCount = Math.max(changeCount, traded.changeCount());
      savedCount = Math.max(savedCount, traded.changeCount());
      version = Math.max(version, newVersion);
      inbox.committed(traded.consumedMessages());
      settleTrade();
    } finally {
      lock.unlock();
    }
  }

  /** The trade is known not to have committed: the session is as it was before it, and takes changes again. */
  public void tradeCalledOff() {
    lock.lock();
    try {
      settleTrade();
    } finally {
      lock.unlock();
    }
  }

  /** The trade's commit failed without telling whether it happened: the session waits until that is read back. */
  public void tradeUnknown() {
    lock.lock();
    try {
      trade = Trade.UNRESOLVED;
    } finally {
      lock.unlock();
    }
  }

  public Trade trade() {
    lock.lock();
    try {
      return trade;
    } finally {
      lock.unlock();
    }
  }

  private void settleTrade() {
    trade = Trade.NONE;
    tradeSettled.signalAll();
  }

  /** Waits a moment for a trade commit in flight; the caller holds the lock. */
  private void awaitNoTrade() {
    long left = TRADE_WAIT.toNanos();
    try {
      while (trade == Trade.COMMITTING && left > 0) {
        left = tradeSettled.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (trade != Trade.NONE) {
      throw new TradePending();
    }
  }

  /** The release is known not to have happened and is not wanted any more: the session takes changes again. */
  public void holdAgain() {
    setPhase(Phase.HELD);
  }

  /** Released, lost or handed off: the session never takes a change again. */
  public void end() {
    setPhase(Phase.ENDED);
  }

  public Phase phase() {
    lock.lock();
    try {
      return phase;
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
    return markSaved(saved.changeCount(), newVersion, saved.consumedMessages());
  }

  /** Records that the database holds this session's data up to change {@code change}, as {@code newVersion}. */
  public boolean markSaved(long change, long newVersion) {
    return markSaved(change, newVersion, List.of());
  }

  /**
   * Records a commit that holds this session's data up to change {@code change}, as {@code newVersion}, and deleted
   * the messages {@code consumed}: they leave the consumed-not-committed list (consumes since stay on it).
   */
  public boolean markSaved(long change, long newVersion, List<String> consumed) {
    lock.lock();
    try {
      savedCount = Math.max(savedCount, change);
      version = Math.max(version, newVersion);
      inbox.committed(consumed);
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

  /** Waits for this session's write in flight, if any; the caller then owns its writes until {@link #unlockWrites}. */
  public void lockWrites() {
    writes.lock();
  }

  /** Takes this session's writes if no write is in flight. */
  public boolean tryLockWrites() {
    return writes.tryLock();
  }

  /** Waits up to {@code wait} for this session's write in flight. */
  public boolean tryLockWrites(Duration wait) {
    try {
      return writes.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public void unlockWrites() {
    writes.unlock();
  }

  /** A release that failed or whose outcome is unknown, due for its retry (not one in flight right now). */
  public boolean releaseToRetry() {
    return phase() == Phase.RELEASING && !writes.isLocked() && lease.mayRetryNow();
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

  private void requireHeld() {
    if (phase != Phase.HELD) {
      throw new NotAcceptingChanges(phase);
    }
  }

  private void setPhase(Phase next) {
    lock.lock();
    try {
      if (phase != Phase.ENDED) {
        phase = next;
      }
    } finally {
      lock.unlock();
    }
  }
}
