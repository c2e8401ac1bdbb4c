package dev.datamanager.api.error;

/** A patch was malformed or would break the store's template; the session's data is unchanged. */
public class InvalidPatchException extends DataManagerException {

  private final String path;

  /** A patch refused because of the member at {@code path}, a JSON Pointer into the document. */
  public InvalidPatchException(String path, String detail) {
    super(detail);
    this.path = path;
  }

  /** A patch refused as a whole, such as one with a malformed operation. */
  public InvalidPatchException(String detail) {
    this(null, detail);
  }

  /** A patch the JSON-P engine could not apply, such as a failed {@code test} or a missing target. */
  public InvalidPatchException(String detail, Throwable cause) {
    super(detail, cause);
    this.path = null;
  }

  /** The JSON Pointer of the offending member, or {@code null} when the patch as a whole is at fault. */
  public String path() {
    return path;
  }
}
