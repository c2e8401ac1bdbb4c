package dev.datamanager.api.error;

/** A trade named the same record twice; each party changes once, in one patch. */
public class TradeKeyRepeatedException extends DataManagerException {

  public TradeKeyRepeatedException(String store, String key) {
    super("The trade names " + store + "/" + key + " more than once; give each record one change with all its"
        + " operations. Nothing was changed.", store, key);
  }
}
