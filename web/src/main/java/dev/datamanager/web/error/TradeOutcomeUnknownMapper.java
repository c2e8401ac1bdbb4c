package dev.datamanager.web.error;

import dev.datamanager.api.error.TradeOutcomeUnknownException;
import jakarta.ws.rs.ext.Provider;

/** Trade outcome unknown: {@code trade-outcome-unknown}. */
@Provider
public class TradeOutcomeUnknownMapper extends ProblemMapper<TradeOutcomeUnknownException> {

  public TradeOutcomeUnknownMapper() {
    super(504, "trade-outcome-unknown", "Trade outcome unknown", true);
  }
}
