package dev.datamanager.api.error;

/** No record exists for this key: no player with it has ever joined. */
public class RecordNotFoundException extends DataManagerException {

  public RecordNotFoundException(String store, String key) {
    super("No record " + store + "/" + key + " exists; it is created by the first join.", store, key);
  }
}
