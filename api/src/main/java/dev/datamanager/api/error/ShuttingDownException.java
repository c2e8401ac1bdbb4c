package dev.datamanager.api.error;

/** The node drains or is saving and releasing its sessions before it stops, and takes no new joins. */
public class ShuttingDownException extends DataManagerException {

  public ShuttingDownException() {
    super("This node is shutting down and takes no new sessions. Join on another node.");
  }

  private ShuttingDownException(String message) {
    super(message);
  }

  /** Refused because an operator drained the node before restarting it. */
  public static ShuttingDownException draining() {
    return new ShuttingDownException(
        "This node is draining before a restart and takes no new sessions. Join on another node.");
  }
}
