package dev.datamanager.api.error;

/** The session is part of a trade whose commit is in flight or whose outcome is not known yet: try again shortly. */
public class TradeUnresolvedException extends DataManagerException {

  public TradeUnresolvedException(String store, String key) {
    super("The session for " + store + "/" + key + " is part of a trade whose outcome the node is still reading from"
        + " the database; it takes no change, save or leave until then. Try again in a moment.", store, key);
  }
}
