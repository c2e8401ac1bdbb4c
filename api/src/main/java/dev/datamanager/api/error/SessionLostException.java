package dev.datamanager.api.error;

/** The session's lock was taken by another node; this node dropped it and must not write it. */
public class SessionLostException extends DataManagerException {

  private final String newOwner;

  public SessionLostException(String store, String key, String newOwner) {
    super("The session for " + store + "/" + key + " was lost"
        + (newOwner == null ? "" : " to node " + newOwner)
        + "; changes made here after that point were not saved. Join again to load the current data.",
        store, key);
    this.newOwner = newOwner;
  }

  /** The node that holds the record now, or null when none does. */
  public String newOwner() {
    return newOwner;
  }
}
