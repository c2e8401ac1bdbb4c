package dev.datamanager.core.save;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.record.ReleaseRequest;
import dev.datamanager.core.database.DatabaseCall;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/** The owner's side of a handoff: finds records other nodes asked for, saves and releases them. */
@ApplicationScoped
public class HandoffWatcher {

  private static final Logger LOG = Logger.getLogger(HandoffWatcher.class.getName());

  @Inject DatabaseGateway database;
  @Inject SessionRegistry registry;
  @Inject SessionExit exit;

  /** One poll; cheap when nothing was asked (an indexed query returning no rows). */
  public void poll() {
    if (registry.size() == 0) {
      return;
    }
    List<ReleaseRequest> requests;
    try {
      requests = DatabaseCall.of("look for release requests", database::releaseRequests);
    } catch (DataManagerException e) {
      LOG.fine(() -> "Release request poll failed: " + e.getMessage());
      return;
    }
    for (ReleaseRequest request : requests) {
      HeldSession session = registry.find(request.key()).orElse(null);
      if (session == null) {
        continue; // not in RAM (being joined, or already gone): its lease runs out on its own
      }
      try {
        exit.release(request.key(), session);
        if (registry.find(request.key()).isEmpty()) {
          registry.handedOff(request.key(), request.requester());
        }
      } catch (DataManagerException e) {
        LOG.warning(() -> "Handoff of " + request.key() + " to " + request.requester() + " failed: " + e.getMessage());
      }
    }
  }
}
