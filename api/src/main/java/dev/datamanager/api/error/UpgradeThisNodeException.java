package dev.datamanager.api.error;

/** The record was migrated by a node with more migration steps than this one: join it on an upgraded node. */
public class UpgradeThisNodeException extends DataManagerException {

  public UpgradeThisNodeException(String store, String key, int recordVersion, int latestKnown) {
    super("The record " + store + "/" + key + " is at schema version " + recordVersion + ", and this node knows"
        + " migration steps up to " + latestKnown + " only. Join it on an upgraded node; nothing changed.",
        store, key);
  }
}
