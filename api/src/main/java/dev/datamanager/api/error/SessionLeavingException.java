package dev.datamanager.api.error;

/**
 * The session is being released (leave, handoff or shutdown) and its final snapshot is taken; it takes no more
 * changes until the release ends, and it is held again only if the release fails.
 */
public class SessionLeavingException extends DataManagerException {

  public SessionLeavingException(String store, String key) {
    super("The session for " + store + "/" + key + " is being saved and released (leave, handoff or shutdown);"
        + " this change was not applied. Join again once the release has finished.", store, key);
  }
}
