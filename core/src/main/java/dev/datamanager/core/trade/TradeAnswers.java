package dev.datamanager.core.trade;

import dev.datamanager.api.trade.TradeResult;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.idempotency.IdempotencyStore;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/**
 * The answers of one trade request: the first answer of its Idempotency-Key if it has one (read before and again
 * once its sessions are claimed, so a repeat racing the first waits for it and answers it), and the answer it
 * remembers in its own transaction.
 */
final class TradeAnswers {

  private static final Jsonb JSON = JsonbBuilder.create();

  private final TradeRequest request;
  private final DatabaseGateway database;
  private final IdempotencyStore store;
  private final String fingerprint;

  TradeAnswers(TradeRequest request, DatabaseGateway database, IdempotencyStore store) {
    this.request = request;
    this.database = database;
    this.store = store;
    this.fingerprint = IdempotencyStore.fingerprint("POST", "stores/" + request.store() + "/trades", request.body());
  }

  /**
   * The first answer of this request's Idempotency-Key, if the trade it answered committed.
   *
   * @throws dev.datamanager.api.error.IdempotencyKeyReusedException if the key was used with another body in the last 24 hours
   */
  Optional<String> earlier() {
    if (request.idempotencyKey() == null) {
      return Optional.empty();
    }
    return database.call("look up an idempotency key",
        () -> store.answerFor(request.user(), request.idempotencyKey(), fingerprint));
  }

  /** The answer of a committed trade, as JSON. */
  String answer(TradeResult result) {
    return JSON.toJson(result);
  }

  /** The answer of a committed trade, remembered in its transaction when the request has an Idempotency-Key. */
  String remember(EntityManager em, TradeResult result, Instant now) {
    String answer = answer(result);
    if (request.idempotencyKey() != null) {
      IdempotencyStore.remember(em, request.user(), request.idempotencyKey(), fingerprint, 200, answer, now);
    }
    return answer;
  }
}
