package dev.datamanager.core.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Names the database this node keeps its records in, once at start, so an operator sees where the data lives. */
@ApplicationScoped
public class DatabaseLocation {

  private static final Logger LOG = Logger.getLogger(DatabaseLocation.class.getName());

  @Resource(lookup = "jdbc/datamanager")
  DataSource dataSource;

  void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
    try (Connection connection = dataSource.getConnection()) {
      String url = withoutParameters(connection.getMetaData().getURL());
      LOG.info(() -> "Database at " + url);
    } catch (SQLException e) {
      LOG.warning(() -> "Database location not known yet: the database did not answer at start (" + e.getMessage()
          + ")");
    }
  }

  /** Parameters may carry credentials (pgjdbc puts every property in the URL): only the place is logged. */
  static String withoutParameters(String url) {
    return url.split("[?;]", 2)[0];
  }
}
