package dev.datamanager.api.error;

/** A request whose parameters or body break the API's rules (a bad version, time, limit or field); nothing changed. */
public class InvalidRequestException extends DataManagerException {

  public InvalidRequestException(String detail) {
    super(detail);
  }
}
