package dev.datamanager.persistence.message;

import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The answer a send with an idempotency key remembers, built from the message's id and time of sending.
 *
 * @param answer the JSON body answered, from the message id and its {@code sentAt}
 */
public record IdempotentAnswer(String user, String key, String fingerprint, int status,
    BiFunction<String, Instant, String> answer) {}
