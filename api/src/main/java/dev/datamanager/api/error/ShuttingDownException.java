package dev.datamanager.api.error;

/** The node is saving and releasing its sessions before it stops, and takes no new joins. */
public class ShuttingDownException extends DataManagerException {

  public ShuttingDownException() {
    super("This node is shutting down and takes no new sessions. Join on another node.");
  }
}
