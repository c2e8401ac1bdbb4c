package dev.datamanager.api.error;

/** A record's JSON document would be larger than {@code datamanager.document.max-bytes}. */
public class DocumentTooLargeException extends DataManagerException {

  private final long sizeBytes;
  private final long maxBytes;

  public DocumentTooLargeException(long sizeBytes, long maxBytes) {
    super("The document is " + sizeBytes + " bytes of UTF-8 JSON; the limit is " + maxBytes
        + " bytes. Store less data in one record, or split it across several keys.");
    this.sizeBytes = sizeBytes;
    this.maxBytes = maxBytes;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
