package dev.datamanager.api.error;

/** One party's patch of a trade could not be applied (a failed {@code test}, a missing item): nothing changed. */
public class TradePatchFailedException extends DataManagerException {

  public TradePatchFailedException(String store, String key, String reason) {
    super("The patch for " + store + "/" + key + " failed: " + reason + " No record of the trade was changed.",
        store, key);
  }
}
