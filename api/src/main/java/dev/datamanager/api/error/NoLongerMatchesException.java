package dev.datamanager.api.error;

/** A guarded change found the record's live document no longer matching its condition: nothing was changed. */
public class NoLongerMatchesException extends DataManagerException {

  public NoLongerMatchesException(String store, String condition) {
    super("The record no longer matches the change's condition (" + condition + "); it was left as it is.", store,
        null);
  }
}
