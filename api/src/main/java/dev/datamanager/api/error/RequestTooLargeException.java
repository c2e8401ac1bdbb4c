package dev.datamanager.api.error;

/** A request body is larger than {@code datamanager.document.max-bytes}; it was refused before being read whole. */
public class RequestTooLargeException extends DataManagerException {

  public RequestTooLargeException(long maxBytes) {
    super("The request body is larger than " + maxBytes + " bytes, the largest record a store accepts"
        + " (datamanager.document.max-bytes). Send smaller patches.");
  }
}
