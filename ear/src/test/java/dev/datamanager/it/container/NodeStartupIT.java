package dev.datamanager.it.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The real EAR inside a managed Liberty: beans resolve, settings default as DESIGN.md says. */
@ExtendWith(ArquillianExtension.class)
class NodeStartupIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return DeployedEar.withTestClasses(NodeStartupIT.class);
  }

  @Inject NodeSettings settings;

  @Resource(lookup = "jdbc/datamanager")
  DataSource dataSource;

  @Test
  void settingsHaveTheirDocumentedDefaults() {
    assertFalse(settings.serverId().isBlank());
    assertEquals(Duration.ofSeconds(30), settings.autosaveInterval());
    assertEquals(Duration.ofMinutes(2), settings.lockRecent());
    assertEquals(Duration.ofMinutes(5), settings.lockStale());
    assertEquals(Duration.ofSeconds(30), settings.shutdownTimeout());
    assertEquals(4_194_304, settings.documentMaxBytes());
  }

  @Test
  void embeddedDerbyIsTheDefaultDatabase() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertTrue(connection.isValid(5));
      assertEquals("Apache Derby", connection.getMetaData().getDatabaseProductName());
    }
  }
}
