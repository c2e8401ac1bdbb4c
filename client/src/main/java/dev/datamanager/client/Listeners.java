package dev.datamanager.client;

import dev.datamanager.api.session.SessionView;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The listeners of one client, told in the order they were added; a failing one never fails the call. */
final class Listeners implements ClientListener {

  private static final Logger LOG = Logger.getLogger(Listeners.class.getName());

  private final List<ClientListener> listeners;

  Listeners(List<ClientListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void joined(SessionView session) {
    tell(listener -> listener.joined(session));
  }

  @Override
  public void left(String store, String key) {
    tell(listener -> listener.left(store, key));
  }

  @Override
  public void retrying(int attempt, DataManagerProblem problem, Duration wait) {
    tell(listener -> listener.retrying(attempt, problem, wait));
  }

  private void tell(Consumer<ClientListener> event) {
    for (ClientListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        // The node already acted on the call: a listener's failure must not make it look failed.
        LOG.log(Level.WARNING, "DataManager client listener " + listener + " failed", e);
      }
    }
  }
}
