package dev.datamanager.api.error;

/**
 * A record's row stayed locked by another transaction past the lock wait bound: the database is up, one record is
 * busy. Retryable like an unavailable database, but it says nothing about the database's health.
 */
public class RecordBusyException extends DatabaseUnavailableException {

  public RecordBusyException(String operation, Throwable cause) {
    super("A record was locked by another transaction for too long while trying to " + operation
        + ". Data held in RAM is kept; retry the request shortly.", cause, true);
  }
}
