package dev.datamanager.api.error;

/**
 * A failure the caller can act on; its message is the problem's {@code detail}, and it names the record it is about
 * when it is about one.
 */
public abstract class DataManagerException extends RuntimeException {

  private final String store;
  private final String key;

  protected DataManagerException(String detail) {
    this(detail, null, null);
  }

  protected DataManagerException(String detail, Throwable cause) {
    this(detail, cause, null, null);
  }

  /** A failure about the record {@code store}/{@code key}; {@code key} may be null when only the store is known. */
  protected DataManagerException(String detail, String store, String key) {
    super(detail);
    this.store = store;
    this.key = key;
  }

  protected DataManagerException(String detail, Throwable cause, String store, String key) {
    super(detail, cause);
    this.store = store;
    this.key = key;
  }

  /** The store of the record this failure is about, or {@code null} when it is not about one record. */
  public String store() {
    return store;
  }

  /** The key of the record this failure is about, or {@code null} when it is not about one record. */
  public String key() {
    return key;
  }
}
