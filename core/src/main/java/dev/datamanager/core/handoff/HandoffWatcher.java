package dev.datamanager.core.handoff;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.record.ReleaseRequest;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.save.SessionExit;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.KeyLocks;
import dev.datamanager.core.session.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The owner's side: finds fresh requests for records this process holds and saves and releases them; a lock this
 * process holds without a session (a join that timed out after taking it) is simply freed.
 */
@ApplicationScoped
public class HandoffWatcher {

  private static final Logger LOG = Logger.getLogger(HandoffWatcher.class.getName());
  private static final Duration MIN_REQUEST_AGE = Duration.ofSeconds(5);

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;
  @Inject SessionRegistry registry;
  @Inject KeyLocks joins;
  @Inject SessionExit exit;

  /** One poll; never throws, so the schedule that runs it is never cancelled by a failure. */
  public void poll() {
    try {
      answer(database.releaseRequests(requestsKept()));
    } catch (DataManagerException e) {
      LOG.fine(() -> "Release request poll failed: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Release request poll failed; polling goes on", e);
    }
  }

  /** A request older than twice the joiner's wait was given up by its joiner; answering it would only kick a player. */
  private Duration requestsKept() {
    Duration twice = settings.handoffWait().multipliedBy(2);
    return twice.compareTo(MIN_REQUEST_AGE) < 0 ? MIN_REQUEST_AGE : twice;
  }

  private void answer(List<ReleaseRequest> requests) {
    for (ReleaseRequest request : requests) {
      HeldSession session = registry.find(request.key()).orElse(null);
      try {
        if (session != null) {
          exit.handOff(request.key(), session, request.requester());
        } else {
          // No join of the key may be under way here: it would be about to hold the session.
          joins.tryWith(request.key(), () -> {
            if (registry.find(request.key()).isEmpty() && database.releaseOrphan(request.key())) {
              LOG.info(() -> "Freed the lock of " + request.key() + " that this node held without a session");
            }
          });
        }
      } catch (DataManagerException e) {
        LOG.warning(() -> "Handoff of " + request.key() + " to " + request.requester() + " failed: " + e.getMessage());
      }
    }
  }
}
