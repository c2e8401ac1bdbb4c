package dev.datamanager.core.handoff;

import dev.datamanager.core.config.NodeSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs the owner's poll for release requests every {@code handoff.poll}, from start until shutdown begins. */
@ApplicationScoped
public class HandoffPolling {

  @Inject NodeSettings settings;
  @Inject HandoffWatcher watcher;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> polling;

  public synchronized void start() {
    long poll = settings.handoffPoll().toMillis();
    polling = scheduler.scheduleWithFixedDelay(watcher::poll, poll, poll, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }
}
