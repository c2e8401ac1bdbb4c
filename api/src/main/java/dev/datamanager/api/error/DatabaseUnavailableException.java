package dev.datamanager.api.error;

/** The database did not answer; nothing held in RAM was dropped and the operation can be retried. */
public class DatabaseUnavailableException extends DataManagerException {

  public DatabaseUnavailableException(String operation, Throwable cause) {
    this("The database did not answer while trying to " + operation + ". Data held in RAM is kept and"
        + " saved when the database is back; retry the request later.", cause, true);
  }

  protected DatabaseUnavailableException(String detail, Throwable cause, boolean withCause) {
    super(detail, withCause ? cause : null);
  }
}
