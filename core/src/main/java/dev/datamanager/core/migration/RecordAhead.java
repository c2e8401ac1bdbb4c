package dev.datamanager.core.migration;

/**
 * A record is at a schema version beyond this node's chain: a node of a newer release migrated it. This node must
 * not load it (it would not understand the data); the join is refused until the node is upgraded.
 */
public class RecordAhead extends RuntimeException {

  private final int recordVersion;
  private final int latestKnown;

  public RecordAhead(int recordVersion, int latestKnown) {
    super("The record is at schema version " + recordVersion + ", this node knows steps up to " + latestKnown);
    this.recordVersion = recordVersion;
    this.latestKnown = latestKnown;
  }

  public int recordVersion() {
    return recordVersion;
  }

  public int latestKnown() {
    return latestKnown;
  }
}
