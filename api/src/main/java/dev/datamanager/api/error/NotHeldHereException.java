package dev.datamanager.api.error;

/** A trade named a record this node holds no session for: every party must be held by the node asked. */
public class NotHeldHereException extends DataManagerException {

  public NotHeldHereException(String store, String key) {
    super("This node holds no session for " + store + "/" + key + "; a trade changes only sessions held by the node"
        + " that receives it. Join every party on this node first (a join here asks the current owner to hand the"
        + " record over), then send the trade again. Nothing was changed.", store, key);
  }
}
