package dev.datamanager.api.error;

/** The node does not hold a session for this record: the player has not joined here. */
public class SessionNotHeldException extends DataManagerException {

  public SessionNotHeldException(String store, String key) {
    super("This node holds no session for " + store + "/" + key
        + ". Join first: POST /api/v1/stores/" + store + "/sessions/" + key + ".", store, key);
  }
}
