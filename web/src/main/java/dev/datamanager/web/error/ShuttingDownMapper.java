package dev.datamanager.web.error;

import dev.datamanager.api.error.ShuttingDownException;
import jakarta.ws.rs.ext.Provider;

/** The node is stopping and takes no new sessions; the caller should join on another node. */
@Provider
public class ShuttingDownMapper extends ProblemMapper<ShuttingDownException> {

  public ShuttingDownMapper() {
    super(503, "shutting-down", "Node shutting down", true);
  }
}
