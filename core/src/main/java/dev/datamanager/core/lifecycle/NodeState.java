package dev.datamanager.core.lifecycle;

import dev.datamanager.api.error.ShuttingDownException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether this node still takes new sessions. A drain (before a rolling restart) or the shutdown stops it for good;
 * the sessions already held stay until they leave, are asked for by another node, or the shutdown flush.
 */
@ApplicationScoped
public class NodeState {

  private volatile boolean draining;
  private volatile boolean shuttingDown;

  /** Joins are refused from now on ({@code 503}, join elsewhere); a second drain changes nothing. */
  public void drain() {
    draining = true;
  }

  public void beginShutdown() {
    shuttingDown = true;
  }

  public boolean shuttingDown() {
    return shuttingDown;
  }

  /** Drains or shuts down: takes no new sessions. */
  public boolean draining() {
    return draining || shuttingDown;
  }

  public void requireAcceptingJoins() {
    if (shuttingDown) {
      throw new ShuttingDownException();
    }
    if (draining) {
      throw ShuttingDownException.draining();
    }
  }
}
