package dev.datamanager.api.error;

/**
 * The node holding a record refused an admin change to it (a patch that does not apply, a document over the
 * limit): the answer it gave, passed on to the admin unchanged. Nothing was written.
 */
public class OwnerRefusedChangeException extends DataManagerException {

  private final int status;

  public OwnerRefusedChangeException(int status, String detail, String store, String key) {
    super(detail, store, key);
    this.status = status;
  }

  /** The HTTP status the owner answered with: 413 or 422. */
  public int status() {
    return status;
  }
}
