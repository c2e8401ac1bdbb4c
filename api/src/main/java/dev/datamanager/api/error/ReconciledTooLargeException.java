package dev.datamanager.api.error;

/** Filling a record from its store's template would make it larger than the limit, so the join is refused. */
public class ReconciledTooLargeException extends DataManagerException {

  public ReconciledTooLargeException(String store, String key, long bytes, long maxBytes) {
    super("The record " + store + "/" + key + " filled from the store's template would be " + bytes
        + " bytes of UTF-8 JSON, over the limit of " + maxBytes + " (datamanager.document.max-bytes). The record"
        + " was not joined and nothing changed; shrink the record or the template, or raise the limit.",
        store, key);
  }
}
