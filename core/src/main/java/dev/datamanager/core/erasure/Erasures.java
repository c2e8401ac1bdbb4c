package dev.datamanager.core.erasure;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.RecordNotFoundException;
import dev.datamanager.api.error.SessionLeavingException;
import dev.datamanager.api.error.SessionRefusedException;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.api.user.RecordRef;
import dev.datamanager.api.user.UserErasure;
import dev.datamanager.core.admin.AdminWrites;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.persistence.erasure.PendingErasures;
import dev.datamanager.persistence.record.OneWayHash;
import dev.datamanager.persistence.record.UserIndex;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** An admin's erasure of one record or of every record that lists a user id: lock-safe, counted and audited. */
@ApplicationScoped
public class Erasures {

  @Inject AdminWrites writes;
  @Inject DatabaseGateway database;
  @Inject AuditLog audit;
  @Inject NodeMetrics metrics;

  private UserIndex users;
  private PendingErasures pending;

  @PostConstruct
  void open() {
    users = new UserIndex(database.entityManagerFactory());
    pending = new PendingErasures(database.entityManagerFactory());
  }

  /**
   * Erases the record now.
   *
   * @throws RecordNotFoundException if there is no such record
   * @throws SessionRefusedException if its owner does not answer and its lease is not yet stale
   */
  public void eraseRecord(String store, String key, String user) {
    RecordKey id = new RecordKey(store, key);
    String target = target(id);
    try {
      erase(id, user);
    } catch (DataManagerException e) {
      audit.record(user, AuditAction.ERASE, target, "refused", why(e));
      throw e;
    }
    audit.record(user, AuditAction.ERASE, target, "ok", "data, versions and user-id index rows erased");
  }

  /**
   * Erases every record whose saved user ids list {@code userId}; one that cannot be erased yet (its dead owner's
   * lease is recent) is kept as pending and erased by a node's timer once it can be.
   */
  public UserErasure eraseUser(String userId, String user) {
    List<RecordKey> keys = database.call("find the records of a user id", () -> users.keys(userId));
    List<RecordRef> erased = new ArrayList<>();
    List<RecordRef> later = new ArrayList<>();
    String target = AuditLog.oneWayHash(userId);
    try {
      for (RecordKey key : keys) {
        if (eraseOrKeep(key, user)) {
          erased.add(ref(key));
        } else {
          later.add(ref(key));
        }
      }
    } catch (DataManagerException e) {
      audit.record(user, AuditAction.ERASE_USER, target, "failed", counts(keys, erased, later) + "; stopped by "
          + why(e));
      throw e;
    }
    audit.record(user, AuditAction.ERASE_USER, target, later.isEmpty() ? "ok" : "pending",
        counts(keys, erased, later));
    return new UserErasure(erased, later);
  }

  /** Erases {@code key} now (true; also when it is gone already), or keeps it as pending when it cannot be yet. */
  private boolean eraseOrKeep(RecordKey key, String user) {
    try {
      erase(key, user);
    } catch (RecordNotFoundException goneMeanwhile) {
      // erased by someone else since the index was read
    } catch (SessionRefusedException | SessionLeavingException notYet) {
      database.call("keep the erasure of a record for later", () -> {
        pending.add(key, user);
        return null;
      });
      return false;
    }
    return true;
  }

  /** One lock-safe erasure: nothing is written as a version, the record and all kept of it go. */
  void erase(RecordKey key, String user) {
    writes.write(key, RecordChange.erase(), VersionNote.of(SaveReason.EDIT, user));
    metrics.erasure();
  }

  /** What the audit trail names a record by: a one-way hash of {@code store/key}, never the key. */
  static String target(RecordKey key) {
    return AuditLog.oneWayHash(OneWayHash.recordName(key.store(), key.key()));
  }

  /** Why an erasure did not happen, in words that never hold the key (exception messages do). */
  static String why(DataManagerException e) {
    if (e instanceof SessionRefusedException refused) {
      return "a node that does not answer holds the lock; its lease goes stale in "
          + refused.retryAfter().toSeconds() + " s";
    }
    return e.getClass().getSimpleName();
  }

  private static String counts(List<RecordKey> found, List<RecordRef> erased, List<RecordRef> later) {
    return found.size() + " records found, " + erased.size() + " erased, " + later.size() + " pending";
  }

  private static RecordRef ref(RecordKey key) {
    return new RecordRef(key.store(), key.key());
  }
}
