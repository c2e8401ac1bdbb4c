package dev.datamanager.it.smoke;

import dev.datamanager.it.node.NodeProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged node on its default database, embedded Derby, over real HTTP. */
class DerbyNodeIT {

  @Test
  void packagedNodeServesApiHealthMetricsAndOpenApi() {
    try (NodeProcess node = NodeProcess.start("derby-node", Map.of())) {
      NodeSmokeChecks.assertServes(node, "Apache Derby");
    }
  }
}
