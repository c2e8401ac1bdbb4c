package dev.datamanager.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.it.node.NodeProcess;
import dev.datamanager.testsupport.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged node on a real PostgreSQL, alone and as two nodes side by side. */
class PostgresNodeIT {

  @Test
  void twoNodesOnOnePostgresEachAnswerWithTheirOwnServerId() {
    Map<String, String> database = TestPostgres.shared().freshNodeEnvironment("smoke");
    try (NodeProcess a = NodeProcess.start("node-a", database);
        NodeProcess b = NodeProcess.start("node-b", database)) {
      NodeSmokeChecks.assertServes(a, "PostgreSQL");
      NodeSmokeChecks.assertServes(b, "PostgreSQL");
      assertEquals("node-a", NodeSmokeChecks.json(a, "/api/v1/server").getString("serverId"));
      assertEquals("node-b", NodeSmokeChecks.json(b, "/api/v1/server").getString("serverId"));
    }
  }
}
