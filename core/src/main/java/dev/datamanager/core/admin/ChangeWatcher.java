package dev.datamanager.core.admin;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.DocumentTooLargeException;
import dev.datamanager.api.error.InvalidPatchException;
import dev.datamanager.api.error.NoLongerMatchesException;
import dev.datamanager.api.error.OwnerRefusedChangeException;
import dev.datamanager.api.error.SessionLeavingException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.error.SessionNotHeldException;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.persistence.admin.AdminChangeRow;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The owner's poll: applies the admin changes asked of records this node holds, and answers each. */
@ApplicationScoped
public class ChangeWatcher {

  private static final Logger LOG = Logger.getLogger(ChangeWatcher.class.getName());
  /** Requests are kept this long for their askers to read the answer, then purged. */
  private static final Duration KEEP = Duration.ofHours(1);
  private static final int PURGE_EVERY = 2400;
  private static final int AT_ONCE = 8;

  @Inject ChangeRequests requests;
  @Inject SessionRegistry registry;
  @Inject HeldChanges held;

  @Resource ManagedExecutorService executor;

  private int polls;

  /**
   * One poll; never throws, so the schedule that runs it is never cancelled by a failure. Requests for different
   * sessions are answered {@link #AT_ONCE} at a time: each is a few commits, and a bulk job asks many at once.
   */
  public void poll() {
    try {
      List<Callable<Void>> answers = new ArrayList<>();
      for (AdminChangeRow request : requests.pendingHere()) {
        registry.find(request.recordKey()).ifPresent(session -> answers.add(() -> {
          answer(request, session);
          return null;
        }));
      }
      for (int from = 0; from < answers.size(); from += AT_ONCE) {
        answerAll(answers.subList(from, Math.min(answers.size(), from + AT_ONCE)));
      }
      if (++polls % PURGE_EVERY == 0) {
        requests.purgeOlderThan(KEEP);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the node is stopping
    } catch (DataManagerException e) {
      LOG.fine(() -> "Admin change poll failed: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Admin change poll failed; polling goes on", e);
    }
  }

  private void answerAll(List<Callable<Void>> answers) throws InterruptedException {
    if (answers.size() == 1) {
      runLogged(answers.get(0));
      return;
    }
    for (Future<Void> answered : executor.invokeAll(answers)) {
      try {
        answered.get();
      } catch (ExecutionException e) {
        LOG.log(Level.WARNING, "An admin change could not be answered; its asker gives up on it", e.getCause());
      }
    }
  }

  private static void runLogged(Callable<Void> answer) {
    try {
      answer.call();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "An admin change could not be answered; its asker gives up on it", e);
    }
  }

  private void answer(AdminChangeRow request, HeldSession session) {
    if (!requests.take(request.id())) {
      return; // its asker gave up on it
    }
    try {
      long version = held.apply(request.recordKey(), session, request.change(), request.note());
      requests.answer(request.id(), AdminChangeRow.State.DONE, version, null, null);
    } catch (DataManagerException refused) {
      requests.answer(request.id(), AdminChangeRow.State.FAILED, null, status(refused), refused.getMessage());
    }
  }

  /** The status this node would have answered the change with; 409 means "ask again, the holder changed". */
  static int status(DataManagerException e) {
    if (e instanceof InvalidPatchException) {
      return 422;
    }
    if (e instanceof DocumentTooLargeException) {
      return 413;
    }
    if (e instanceof NoLongerMatchesException) {
      return 412;
    }
    if (e instanceof OwnerRefusedChangeException owner) {
      return owner.status();
    }
    if (e instanceof SessionLeavingException || e instanceof SessionLostException
        || e instanceof SessionNotHeldException) {
      return 409;
    }
    return 503;
  }
}
