package dev.datamanager.core.trade;

import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.SessionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Trades whose commit failed without telling whether it happened. Each is settled by reading its rows under their
 * locks (so an attempt still in flight ends first): its tagged versions are there or they are not. Until then its
 * sessions refuse changes and are never saved; the owner's poll and the shutdown flush call {@link #resolve()}.
 */
@ApplicationScoped
public class UnresolvedTrades {

  private static final Logger LOG = Logger.getLogger(UnresolvedTrades.class.getName());

  private record Pending(Trade trade, List<CommitRequest> requests, long sentNanos) {}

  @Inject DatabaseGateway database;
  @Inject SessionRegistry registry;
  @Inject NodeMetrics metrics;
  @Inject Trades trades;

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  void add(Trade trade, List<CommitRequest> requests, long sentNanos) {
    pending.put(trade.id(), new Pending(trade, requests, sentNanos));
  }

  public boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Reads back the outcome of every unresolved trade; one the database cannot answer now stays for the next call. */
  public void resolve() {
    for (Pending trade : List.copyOf(pending.values())) {
      try {
        Optional<List<Committed>> outcome = database.poll("read the outcome of trade " + trade.trade().id(),
            () -> trades.commits().outcome(trade.requests()));
        if (outcome.isPresent()) {
          trade.trade().committed(outcome.get(), trade.sentNanos());
          metrics.trade("resolved-committed");
        } else {
          trade.trade().calledOff();
          metrics.trade("resolved-not-committed");
        }
        pending.remove(trade.trade().id());
        LOG.info(() -> "Trade " + trade.trade().id() + (outcome.isPresent() ? " had committed" : " had not committed"));
      } catch (SessionLostException e) {
        // Not committed, and a session's lock is gone meanwhile: that session is dropped, the others play on.
        trade.trade().lostTo(e, registry);
        pending.remove(trade.trade().id());
        metrics.trade("resolved-not-committed");
      } catch (RuntimeException e) {
        LOG.fine(() -> "The outcome of trade " + trade.trade().id() + " is still unknown: " + e.getMessage());
      }
    }
  }
}
