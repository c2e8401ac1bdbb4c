package dev.datamanager.api.error;

/** A message body is over {@code datamanager.messages.max-bytes}; it was not stored. */
public class MessageTooLargeException extends DataManagerException {

  public MessageTooLargeException(long sizeBytes, long maxBytes) {
    super("The message is " + sizeBytes + " bytes of JSON, over the limit of " + maxBytes
        + " bytes (datamanager.messages.max-bytes); nothing was stored. Send a smaller message.");
  }
}
