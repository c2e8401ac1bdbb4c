package dev.datamanager.core.erasure;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.error.RecordNotFoundException;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.erasure.PendingErasure;
import dev.datamanager.persistence.erasure.PendingErasures;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * One pass over the pending erasures that are due: each is claimed (so no other node tries it at the same time),
 * then erased lock-safely like any admin erasure; one still refused stays pending for the next attempt.
 */
@ApplicationScoped
public class PendingErasureRetry {

  private static final Logger LOG = Logger.getLogger(PendingErasureRetry.class.getName());

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject Erasures erasures;
  @Inject AuditLog audit;

  private PendingErasures pending;

  @PostConstruct
  void open() {
    pending = new PendingErasures(database.entityManagerFactory());
  }

  /**
   * Tries at most {@code datamanager.erasure.batch} due erasures.
   *
   * @return how many records it erased
   */
  public int run() {
    List<PendingErasure> due = database.background("claim pending erasures",
        () -> pending.claimDue(settings.erasureBatch(), settings.erasureRetry()));
    int erased = 0;
    for (PendingErasure erasure : due) {
      Attempt attempt = attempt(erasure);
      if (attempt != Attempt.REFUSED) {
        database.call("forget a pending erasure", () -> {
          pending.remove(erasure.recordKey());
          return null;
        });
      }
      erased += attempt == Attempt.ERASED ? 1 : 0;
    }
    return erased;
  }

  /** How one attempt ended: the record erased, found gone already (erased another way), or still refused. */
  private enum Attempt { ERASED, GONE, REFUSED }

  /** One attempt; a database failure is thrown, so the rest wait for their next attempt. */
  private Attempt attempt(PendingErasure erasure) {
    try {
      erasures.erase(erasure.recordKey(), erasure.requestedBy());
    } catch (RecordNotFoundException erasedAnotherWay) {
      return Attempt.GONE;
    } catch (DatabaseUnavailableException e) {
      throw e;
    } catch (DataManagerException stillRefused) {
      LOG.fine(() -> "A pending erasure is still refused (" + Erasures.why(stillRefused) + ") on attempt "
          + erasure.attempts() + "; it is tried again later");
      return Attempt.REFUSED;
    }
    audit.record(erasure.requestedBy(), AuditAction.ERASE, Erasures.target(erasure.recordKey()), "ok",
        "pending erasure done on attempt " + erasure.attempts());
    return Attempt.ERASED;
  }
}
