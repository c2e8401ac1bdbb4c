package dev.datamanager.api.error;

/** The record was migrated by a node with more migration steps than this one: join it on an upgraded node. */
public class UpgradeThisNodeException extends DataManagerException {

  public UpgradeThisNodeException(String store, String key, int recordVersion, int latestKnown) {
    super("The record " + store + "/" + key + " is at schema version " + recordVersion + ", and this node knows"
        + " migration steps up to " + latestKnown + " only. Join it on an upgraded node; nothing changed.",
        store, key);
  }

  /** This node's migration steps of {@code store} differ from the ones nodes have used: it must not load records. */
  public UpgradeThisNodeException(String store, String changed) {
    super("This node's migration steps of store " + store + " differ from the ones already used (" + changed + ")."
        + " A used step is never changed; deploy this node with the steps the others have; nothing changed.",
        store, null);
  }
}
