package dev.datamanager.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.core.config.NodeSettings;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real EAR inside a managed Liberty: beans resolve, settings come from config, the chosen database answers. */
@ExtendWith({LibertyDatabase.class, ArquillianExtension.class})
class NodeStartupIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return DeployedEar.withTestClasses(NodeStartupIT.class);
  }

  @Inject NodeSettings settings;

  @Resource(lookup = "jdbc/datamanager")
  DataSource dataSource;

  @Test
  void settingsComeFromConfigWithDocumentedDefaults() {
    assertEquals(Duration.ofSeconds(3), settings.autosaveInterval(), "set by the test server's config");
    assertEquals(Duration.ofMinutes(2), settings.lockRecent());
    assertEquals(Duration.ofMinutes(5), settings.lockStale());
    assertEquals(Duration.ofSeconds(30), settings.shutdownTimeout());
    assertEquals(4_194_304, settings.documentMaxBytes());
    assertEquals("arquillian-node", settings.serverId());
  }

  @Test
  void databaseIsDerbyByDefaultAndPostgresWhenDbKindSaysSo() throws Exception {
    String expected = "postgres".equals(System.getenv("DB_KIND")) ? "PostgreSQL" : "Apache Derby";
    try (Connection connection = dataSource.getConnection()) {
      assertTrue(connection.isValid(5));
      assertEquals(expected, connection.getMetaData().getDatabaseProductName());
    }
  }

  @Test
  void derbyOfTheTestServerIsAFolderOfThisBuildNeverTheUsersHome() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      String url = connection.getMetaData().getURL();
      if (url.startsWith("jdbc:derby:")) {
        assertTrue(url.contains("/target/it-derby/") && !url.contains(".datamanager"), url);
      }
    }
  }
}
