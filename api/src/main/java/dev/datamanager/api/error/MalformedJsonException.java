package dev.datamanager.api.error;

/** A request body is not one well-formed JSON value; nothing was changed. */
public class MalformedJsonException extends DataManagerException {

  public MalformedJsonException(String problem, Throwable cause) {
    super("The request body is not valid JSON: " + problem + ". Send exactly one complete JSON value in UTF-8.",
        cause);
  }
}
