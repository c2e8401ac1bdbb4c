package dev.datamanager.core.admin;

import dev.datamanager.api.error.OwnerRefusedChangeException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.error.TradeUnresolvedException;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.save.SessionSaver;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.NotAcceptingChanges;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.persistence.record.VersionTags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The owner's side of a lock-safe admin write: the change is applied to the held session (the player plays on with
 * the new data) and committed as its own version before anyone is answered. A tagged change the record already
 * carries a version of is not applied again.
 */
@ApplicationScoped
public class HeldChanges {

  /** What an erasure answers in place of a version number. */
  public static final long ERASED = -1;

  @Inject DatabaseGateway database;
  @Inject SessionRegistry registry;
  @Inject SessionSaver saver;
  @Inject ChangeApplier applier;

  private VersionTags tags;

  @PostConstruct
  void open() {
    tags = new VersionTags(database.entityManagerFactory());
  }

  /**
   * Applies {@code change} to the session this node holds for {@code key} and commits it.
   *
   * @return the version the change was committed as, or {@link #ERASED}
   * @throws dev.datamanager.api.error.SessionLeavingException if the session is being released (ask again)
   * @throws SessionLostException if the session is gone or its lock was lost (ask again)
   */
  public long apply(RecordKey key, HeldSession session, RecordChange change, VersionNote note) {
    // Holding the session's writes keeps autosave from committing the change under another reason in between.
    session.lockWrites();
    try {
      requireHeld(key, session);
      if (change.kind() == RecordChange.Kind.ERASE) {
        return erase(key, session);
      }
      Optional<Long> earlier = earlierVersion(key, note);
      if (earlier.isPresent()) {
        return earlier.get(); // this tagged request (a job) changed the record already: never twice
      }
      UnaryOperator<JsonObject> transform = applier.transformation(key.store(), change);
      transform.apply(session.document()); // a change that cannot apply is refused before anything is written
      if (session.isDirty()) {
        saver.commitNow(key, session); // the player's acknowledged changes become a version of their own first
        requireHeld(key, session);
      }
      try {
        session.apply(transform);
      } catch (NotAcceptingChanges e) {
        throw registry.refusal(key, e);
      }
      boolean committed = saver.commitNow(key, session, note);
      requireHeld(key, session);
      if (!committed) {
        throw new OwnerRefusedChangeException(413, "The changed document was refused by the database's size rule;"
            + " it stays in the session unsaved until the player shrinks it.", key.store(), key.key());
      }
      return session.version();
    } finally {
      session.unlockWrites();
    }
  }

  /**
   * The version an earlier attempt of this tagged request wrote; only this session can write the record meanwhile,
   * and its writes are held, so the answer stays true until the change below is committed.
   */
  private Optional<Long> earlierVersion(RecordKey key, VersionNote note) {
    return note.tag() == null ? Optional.empty()
        : database.call("look for the version of " + key + " tagged " + note.tag(), () -> tags.find(key, note.tag()));
  }

  private long erase(RecordKey key, HeldSession session) {
    boolean erased = database.eraseHeld(key, session.generation());
    registry.markLost(key, session, null);
    if (!erased) {
      throw new SessionLostException(key.store(), key.key(), null);
    }
    return ERASED;
  }

  private void requireHeld(RecordKey key, HeldSession session) {
    if (session.phase() != HeldSession.Phase.HELD) {
      throw registry.refusal(key, new NotAcceptingChanges(session.phase()));
    }
    if (session.trade() != HeldSession.Trade.NONE) {
      throw new TradeUnresolvedException(key.store(), key.key());
    }
  }
}
