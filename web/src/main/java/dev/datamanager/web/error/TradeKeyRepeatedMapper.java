package dev.datamanager.web.error;

import dev.datamanager.api.error.TradeKeyRepeatedException;
import jakarta.ws.rs.ext.Provider;

/** Record repeated in a trade: {@code trade-key-repeated}. */
@Provider
public class TradeKeyRepeatedMapper extends ProblemMapper<TradeKeyRepeatedException> {

  public TradeKeyRepeatedMapper() {
    super(422, "trade-key-repeated", "Record repeated in a trade");
  }
}
