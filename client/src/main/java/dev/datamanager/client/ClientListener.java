package dev.datamanager.client;

import dev.datamanager.api.session.SessionView;
import java.time.Duration;

/**
 * Hears what the client did, on the thread that made the call: hooks around each session for a game server's own
 * logging, metrics or player messages. A listener that throws is logged and ignored; the call's outcome stands.
 */
public interface ClientListener {

  /** A join succeeded, possibly after retries; the node now holds the session. */
  default void joined(SessionView session) {}

  /** A leave succeeded: the session was saved and released. */
  default void left(String store, String key) {}

  /** Attempt {@code attempt} (the first is 1) failed with {@code problem}; the next starts after {@code wait}. */
  default void retrying(int attempt, DataManagerProblem problem, Duration wait) {}
}
