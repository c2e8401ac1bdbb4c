package dev.datamanager.core.lifecycle;

import dev.datamanager.core.admin.ChangeWatcher;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.handoff.HandoffWatcher;
import dev.datamanager.core.message.MessageWatcher;
import dev.datamanager.core.trade.UnresolvedTrades;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the owner's polls every {@code handoff.poll}, from start until shutdown begins: release requests (handoffs)
 * admin changes asked of the records this node holds, the messages sent to them, and the outcomes of trades not
 * known yet.
 */
@ApplicationScoped
public class OwnerPolling {

  @Inject NodeSettings settings;
  @Inject HandoffWatcher handoffs;
  @Inject ChangeWatcher adminChanges;
  @Inject MessageWatcher messages;
  @Inject UnresolvedTrades trades;

  @Resource ManagedScheduledExecutorService scheduler;

  private List<ScheduledFuture<?>> polling = List.of();

  public synchronized void start() {
    long poll = settings.handoffPoll().toMillis();
    polling = List.of(
        scheduler.scheduleWithFixedDelay(handoffs::poll, poll, poll, TimeUnit.MILLISECONDS),
        scheduler.scheduleWithFixedDelay(adminChanges::poll, poll, poll, TimeUnit.MILLISECONDS),
        scheduler.scheduleWithFixedDelay(messages::poll, poll, poll, TimeUnit.MILLISECONDS),
        scheduler.scheduleWithFixedDelay(trades::resolve, poll, poll, TimeUnit.MILLISECONDS));
  }

  public synchronized void stop() {
    polling.forEach(poll -> poll.cancel(false));
  }
}
