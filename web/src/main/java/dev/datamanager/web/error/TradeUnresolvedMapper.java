package dev.datamanager.web.error;

import dev.datamanager.api.error.TradeUnresolvedException;
import jakarta.ws.rs.ext.Provider;

/** Trade not resolved yet: {@code trade-unresolved}. */
@Provider
public class TradeUnresolvedMapper extends ProblemMapper<TradeUnresolvedException> {

  public TradeUnresolvedMapper() {
    super(503, "trade-unresolved", "Trade not resolved yet", true);
  }
}
