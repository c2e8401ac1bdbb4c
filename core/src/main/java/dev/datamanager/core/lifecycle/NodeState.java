package dev.datamanager.core.lifecycle;

import dev.datamanager.api.error.ShuttingDownException;
import jakarta.enterprise.context.ApplicationScoped;

/** Whether this node still takes new sessions; once shutdown begins it never does again. */
@ApplicationScoped
public class NodeState {

  private volatile boolean shuttingDown;

  public void beginShutdown() {
    shuttingDown = true;
  }

  public boolean shuttingDown() {
    return shuttingDown;
  }

  public void requireAcceptingJoins() {
    if (shuttingDown) {
      throw new ShuttingDownException();
    }
  }
}
