package dev.datamanager.web.error;

import dev.datamanager.api.error.DatabaseUnavailableException;
import jakarta.ws.rs.ext.Provider;

/** The database did not answer; the request can be retried. */
@Provider
public class DatabaseUnavailableMapper extends ProblemMapper<DatabaseUnavailableException> {

  public DatabaseUnavailableMapper() {
    super(503, "database-unavailable", "Database unavailable", true);
  }
}
