package dev.datamanager.api.error;

/** A record already has as many pending messages as it may hold; the message was not stored. */
public class InboxFullException extends DataManagerException {

  public InboxFullException(String store, String key, int maxPending) {
    super("The record " + store + "/" + key + " already has " + maxPending + " pending messages"
        + " (datamanager.messages.max-pending); nothing was stored. Its owner must consume some first.", store, key);
  }
}
