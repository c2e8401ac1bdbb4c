package dev.datamanager.core.trade;

import dev.datamanager.api.error.DocumentTooLargeException;
import dev.datamanager.api.error.InvalidPatchException;
import dev.datamanager.api.error.LeaseUnsafeException;
import dev.datamanager.api.error.NotHeldHereException;
import dev.datamanager.api.error.SessionLostException;
import dev.datamanager.api.error.SessionNotHeldException;
import dev.datamanager.api.error.TradeKeyRepeatedException;
import dev.datamanager.api.error.TradeOutcomeUnknownException;
import dev.datamanager.api.error.TradePatchFailedException;
import dev.datamanager.api.error.TradeUnresolvedException;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.Committed;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.api.trade.TradeResult;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.session.HeldSession;
import dev.datamanager.core.session.LeaseTooOld;
import dev.datamanager.core.session.NotAcceptingChanges;
import dev.datamanager.core.session.SessionManager;
import dev.datamanager.core.session.SessionRegistry;
import dev.datamanager.core.session.SessionViews;
import dev.datamanager.core.session.Snapshot;
import dev.datamanager.core.session.TradePending;
import dev.datamanager.core.template.TemplateCatalog;
import dev.datamanager.persistence.idempotency.IdempotencyStore;
import dev.datamanager.persistence.record.TradeCommits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trades between sessions held on this node: every patch applies or none does, and the answer comes only after one
 * transaction committed every record. While a trade is being committed, and while its outcome is unknown, its
 * sessions take no change, no save and no release, so nothing can ever store one side without the other.
 */
@ApplicationScoped
public class Trades {

  @Inject NodeSettings settings;
  @Inject SessionRegistry registry;
  @Inject SessionManager sessions;
  @Inject SessionViews views;
  @Inject TemplateCatalog templates;
  @Inject DatabaseGateway database;
  @Inject NodeMetrics metrics;
  @Inject UnresolvedTrades unresolved;

  private TradeCommits commits;
  private IdempotencyStore idempotency;

  @PostConstruct
  void open() {
    commits = new TradeCommits(database.entityManagerFactory(), settings.documentMaxBytes());
    idempotency = new IdempotencyStore(database.entityManagerFactory());
  }

  /** The one writer of trades, shared with the resolver of unknown outcomes. */
  TradeCommits commits() {
    return commits;
  }

  /**
   * Carries out {@code request} once per Idempotency-Key: a repeat of a committed trade with the same key and body
   * answers the first answer and changes nothing. Every change is applied to its session and all of them are
   * committed in one transaction, with the answer remembered in it.
   *
   * @return the answer, as JSON
   * @throws dev.datamanager.api.error.IdempotencyKeyReusedException if the key was used with another body lately
   * @throws TradeKeyRepeatedException if a key is named twice
   * @throws NotHeldHereException if a key has no session here; nothing changed
   * @throws TradePatchFailedException if a patch fails; nothing changed
   * @throws SessionLostException if a session's lock was lost; nothing changed, that session is dropped
   * @throws dev.datamanager.api.error.DatabaseUnavailableException if the commit is known not to have happened
   * @throws TradeOutcomeUnknownException if it is not known whether the commit happened
   */
  public String trade(TradeRequest request) {
    TradeAnswers answers = new TradeAnswers(request, database, idempotency);
    Optional<String> earlier = answers.earlier();
    if (earlier.isPresent()) {
      return earlier.get();
    }
    JsonObject template = templates.template(request.store());
    Map<RecordKey, TradeChange> parties = parties(request.store(), request.changes());
    Map<RecordKey, HeldSession> held = new TreeMap<>(); // key order: two trades never wait for each other in a circle
    parties.keySet().forEach(key -> held.put(key, registry.find(key)
        .orElseThrow(() -> new NotHeldHereException(key.store(), key.key()))));
    List<HeldSession> claimed = new ArrayList<>();
    try {
      for (HeldSession session : held.values()) {
        session.lockWrites(); // no autosave, save or release of these sessions until the trade is settled
        claimed.add(session);
      }
      earlier = answers.earlier(); // a repeat that raced the first trade waited for it here
      if (earlier.isPresent()) {
        return earlier.get();
      }
      Trade trade = begin(request.store(), parties, held, template);
      return commit(trade, answers);
    } finally {
      claimed.forEach(HeldSession::unlockWrites);
    }
  }

  private static Map<RecordKey, TradeChange> parties(String store, List<TradeChange> changes) {
    Map<RecordKey, TradeChange> parties = new LinkedHashMap<>();
    for (TradeChange change : changes) {
      if (parties.put(new RecordKey(store, change.key()), change) != null) {
        throw new TradeKeyRepeatedException(store, change.key());
      }
    }
    return parties;
  }

  /** Every session takes its side, in request order; if one cannot, the ones that did are as they were. */
  private Trade begin(String store, Map<RecordKey, TradeChange> parties, Map<RecordKey, HeldSession> held,
      JsonObject template) {
    List<TradeSide> sides = new ArrayList<>();
    Trade trade = new Trade(UUID.randomUUID().toString(), store, settings.serverId(), sides);
    try {
      for (Map.Entry<RecordKey, TradeChange> party : parties.entrySet()) {
        RecordKey key = party.getKey();
        HeldSession session = held.get(key);
        sides.add(new TradeSide(key, session, side(key, session, party.getValue(), template)));
      }
      return trade;
    } catch (RuntimeException e) {
      trade.calledOff();
      metrics.trade("refused");
      throw e;
    }
  }

  private Snapshot side(RecordKey key, HeldSession session, TradeChange change, JsonObject template) {
    try {
      return session.beginTrade(document -> sessions.patcher()
          .apply(document, template, PatchFormat.JSON_PATCH, change.patch()), settings.lockRecent());
    } catch (InvalidPatchException e) {
      throw new TradePatchFailedException(key.store(), key.key(), e.getMessage());
    } catch (NotAcceptingChanges e) {
      RuntimeException refusal = registry.refusal(key, e);
      throw refusal instanceof SessionNotHeldException ? new NotHeldHereException(key.store(), key.key()) : refusal;
    } catch (TradePending e) {
      throw new TradeUnresolvedException(key.store(), key.key());
    } catch (LeaseTooOld e) {
      metrics.leaseUnsafe();
      throw new LeaseUnsafeException(key.store(), key.key(), e.sinceConfirmed());
    }
  }

  private String commit(Trade trade, TradeAnswers answers) {
    List<CommitRequest> requests = trade.requests();
    AtomicBoolean reachedCommit = new AtomicBoolean();
    AtomicReference<String> answer = new AtomicReference<>();
    long sent = System.nanoTime();
    try {
      List<Committed> outcomes = database.call("commit trade " + trade.id(), () -> commits.commit(requests,
          (em, written, now) -> answer.set(answers.remember(em, result(trade, written), now)),
          () -> reachedCommit.set(true)));
      trade.committed(outcomes, sent);
      metrics.trade("committed");
      // A retry that found its earlier attempt committed wrote nothing: the answer is the one that attempt made.
      return answer.get() != null ? answer.get() : answers.answer(result(trade, outcomes));
    } catch (SessionLostException e) {
      trade.lostTo(e, registry);
      metrics.trade("refused");
      throw e;
    } catch (DocumentTooLargeException e) {
      trade.calledOff();
      metrics.trade("refused");
      throw e;
    } catch (RuntimeException e) {
      if (!reachedCommit.get()) {
        trade.calledOff(); // every attempt failed before its commit: nothing was written
        metrics.trade("unavailable");
        throw e;
      }
      trade.unknown();
      unresolved.add(trade, requests, sent);
      metrics.trade("unknown");
      throw new TradeOutcomeUnknownException(trade.store(), e);
    }
  }

  private TradeResult result(Trade trade, List<Committed> outcomes) {
    List<SessionView> bodies = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      TradeSide side = trade.sides().get(i);
      bodies.add(views.traded(side.key(), side.session(), side.traded(), outcomes.get(i).version(),
          outcomes.get(i).leaseRenewedAt()));
    }
    return new TradeResult(bodies);
  }
}
