package dev.datamanager.persistence.record;

import jakarta.persistence.PersistenceException;

/**
 * The database failed while committing: the transaction may or may not have committed. Writes are ordered and
 * recognise their own earlier commit, so the caller resolves this by writing again, never by assuming either way.
 */
public class CommitUnknownException extends PersistenceException {

  CommitUnknownException(Throwable cause) {
    super("The commit's outcome is unknown: " + cause.getMessage(), cause);
  }
}
