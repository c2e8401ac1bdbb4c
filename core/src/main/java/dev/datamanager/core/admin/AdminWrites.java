package dev.datamanager.core.admin;

import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.error.InvalidPatchException;
import dev.datamanager.api.error.NoLongerMatchesException;
import dev.datamanager.api.error.OwnerRefusedChangeException;
import dev.datamanager.api.error.RecordNotFoundException;
import dev.datamanager.api.error.SessionLeavingException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.error.SessionNotHeldException;
import dev.datamanager.api.error.SessionRefusedException;
import dev.datamanager.api.record.LeaseStanding;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.Refused;
import dev.datamanager.api.record.UnheldWriteOutcome;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.migration.MigrationCatalog;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.KeyLocks;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.persistence.admin.AdminChangeRow;
import dev.datamanager.persistence.record.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Lock-safe admin writes of one record, from any node: held here, the change goes into the session; free, the
 * record is taken like a join, changed and released in one transaction; held by a live node, that owner applies it
 * and answers; held by a node that does not answer, the admin gets {@code 409} until the lease is stale, and then
 * the record is taken over like a join would.
 */
@ApplicationScoped
public class AdminWrites {

  private static final Duration POLL = Duration.ofMillis(50);
  /** How long an owner that took a request may take to commit it: one guarded database call and its retries. */
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(35);
  /** Holder changes (a leave, a handoff) met on the way, before giving up as busy. */
  private static final int ROUNDS = 6;

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject SessionRegistry registry;
  @Inject KeyLocks joins;
  @Inject HeldChanges held;
  @Inject ChangeApplier applier;
  @Inject ChangeRequests requests;
  @Inject MigrationCatalog migrations;

  /**
   * Applies {@code change} to {@code key} and commits it before returning.
   *
   * @return the version the change was committed as, or {@link HeldChanges#ERASED}
   * @throws RecordNotFoundException if there is no such record
   * @throws SessionRefusedException if a node that does not answer holds a lease not yet stale
   */
  public long write(RecordKey key, RecordChange change, VersionNote note) {
    UnheldChange unheldChange = unheldChange(key, change);
    Refused lastRefusal = null;
    for (int round = 0; round < ROUNDS; round++) {
      Optional<HeldSession> here = registry.find(key);
      if (here.isPresent()) {
        Optional<Long> version = tryHere(key, here.get(), change, note);
        if (version.isPresent()) {
          return version.get();
        }
        continue;
      }
      UnheldWriteOutcome outcome = unheld(key, false, unheldChange, note);
      if (outcome == null) {
        continue; // a join here took it meanwhile
      }
      if (!(outcome instanceof Refused refused)) {
        return answer(key, outcome);
      }
      lastRefusal = refused;
      Optional<Long> version = askOwner(key, change, note);
      if (version.isPresent()) {
        return version.get();
      }
      UnheldWriteOutcome afterAsking = unheld(key, refused.standing() == LeaseStanding.STALE, unheldChange, note);
      if (afterAsking != null && !(afterAsking instanceof Refused)) {
        return answer(key, afterAsking);
      }
      if (afterAsking instanceof Refused still && still.owner().equals(refused.owner())) {
        throw new SessionRefusedException(key.store(), key.key(), still.owner(), still.leaseAge(),
            still.retryAfter());
      }
    }
    throw lastRefusal != null
        ? new SessionRefusedException(key.store(), key.key(), lastRefusal.owner(), lastRefusal.leaseAge(),
            lastRefusal.retryAfter())
        : new SessionLeavingException(key.store(), key.key());
  }

  /** The change in this node's own session; empty if the session went away meanwhile (look again). */
  private Optional<Long> tryHere(RecordKey key, HeldSession session, RecordChange change, VersionNote note) {
    try {
      return Optional.of(held.apply(key, session, change, note));
    } catch (SessionLeavingException e) {
      // A release in flight ends within handoff.wait one way or the other; then look again.
      if (session.tryLockWrites(settings.handoffWait())) {
        session.unlockWrites();
      }
      return Optional.empty();
    } catch (SessionLostException | SessionNotHeldException e) {
      return Optional.empty();
    }
  }

  /** What {@code change} does to the record if no session holds it, given whether the lease may be stolen. */
  private interface UnheldChange {
    UnheldWriteOutcome write(boolean steal, VersionNote note);
  }

  private UnheldChange unheldChange(RecordKey key, RecordChange change) {
    if (change.kind() == RecordChange.Kind.MIGRATE) {
      SchemaMigration migration = migrations.forStore(key.store());
      return (steal, note) -> database.migrateUnheld(key, steal, migration, note);
    }
    UnaryOperator<String> onText = change.kind() == RecordChange.Kind.ERASE ? null
        : applier.onText(key.store(), change);
    return (steal, note) -> database.writeUnheld(key, steal, onText, note);
  }

  /** Under this node's join lock of the key, so no join here can hold it in between; null if one did. */
  private UnheldWriteOutcome unheld(RecordKey key, boolean steal, UnheldChange change, VersionNote note) {
    return joins.with(key, () -> registry.find(key).isPresent() ? null : change.write(steal, note));
  }

  private static long answer(RecordKey key, UnheldWriteOutcome outcome) {
    if (outcome instanceof UnheldWriteOutcome.Written written) {
      return written.version();
    }
    if (outcome instanceof UnheldWriteOutcome.Unchanged) {
      throw new NoLongerMatchesException(key.store(), "a schema version below the latest step");
    }
    if (outcome instanceof UnheldWriteOutcome.Erased) {
      return HeldChanges.ERASED;
    }
    throw new RecordNotFoundException(key.store(), key.key());
  }

  /**
   * Asks the holder to apply the change; empty if nobody took the request within {@code handoff.wait} (abandoned)
   * or the holder no longer held the record.
   */
  private Optional<Long> askOwner(RecordKey key, RecordChange change, VersionNote note) {
    String id = requests.request(key, change, note);
    long asked = System.nanoTime();
    boolean taken = false;
    while (true) {
      AdminChangeRow row = requests.read(id).orElse(null);
      if (row != null && row.state() == AdminChangeRow.State.DONE) {
        return Optional.of(row.resultVersion());
      }
      if (row != null && row.state() == AdminChangeRow.State.FAILED) {
        return failed(key, row);
      }
      long waited = System.nanoTime() - asked;
      if (!taken && waited > settings.handoffWait().toNanos()) {
        if (requests.abandon(id)) {
          return Optional.empty();
        }
        taken = true; // the owner is applying it: its answer is coming
      }
      if (waited > settings.handoffWait().plus(ANSWER_WAIT).toNanos()) {
        // The owner took the change but did not answer: it may or may not be committed; never guess.
        throw new DatabaseUnavailableException("get the answer of the node holding " + key + " to an admin change"
            + " (read the record to see whether it was applied)", null);
      }
      sleep();
    }
  }

  private static Optional<Long> failed(RecordKey key, AdminChangeRow row) {
    int status = row.resultStatus() == null ? 503 : row.resultStatus();
    if (status == 409) {
      return Optional.empty(); // the holder changed: look again
    }
    if (status == 422) {
      throw new InvalidPatchException(row.resultDetail());
    }
    if (status == 412) {
      throw new NoLongerMatchesException(key.store(), row.resultDetail());
    }
    if (status == 413) {
      throw new OwnerRefusedChangeException(413, row.resultDetail(), key.store(), key.key());
    }
    throw new DatabaseUnavailableException("apply an admin change on the node holding " + key + " ("
        + row.resultDetail() + ")", null);
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseUnavailableException("wait for the answer of the record's owner", e);
    }
  }
}
