package dev.datamanager.web.error;

import dev.datamanager.api.error.UpgradeThisNodeException;
import jakarta.ws.rs.ext.Provider;

/** The record is ahead of this node's migrations; an upgraded node can join it. */
@Provider
public class UpgradeThisNodeMapper extends ProblemMapper<UpgradeThisNodeException> {

  public UpgradeThisNodeMapper() {
    super(409, "upgrade-this-node", "Upgrade this node", true);
  }
}
