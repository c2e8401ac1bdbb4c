package dev.datamanager.api.error;

/** A failure the caller can act on; its message is the problem's {@code detail}. */
public abstract class DataManagerException extends RuntimeException {

  protected DataManagerException(String detail) {
    super(detail);
  }

  protected DataManagerException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
