package dev.datamanager.web.error;

import dev.datamanager.api.error.TradePatchFailedException;
import jakarta.ws.rs.ext.Provider;

/** Trade patch failed: {@code patch-failed}. */
@Provider
public class TradePatchFailedMapper extends ProblemMapper<TradePatchFailedException> {

  public TradePatchFailedMapper() {
    super(422, "patch-failed", "Trade patch failed");
  }
}
