package dev.datamanager.api.error;

/** No message with this id is pending for the record: never sent to it, already consumed, or deleted. */
public class MessageNotPendingException extends DataManagerException {

  public MessageNotPendingException(String store, String key, String id) {
    super("No message '" + id + "' is pending for " + store + "/" + key + ": it was consumed or deleted, or"
        + " never sent to this record. The session body lists the pending messages under \"messages\".", store, key);
  }
}
