package dev.datamanager.web.health;

import dev.datamanager.core.lifecycle.NodeState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once shutdown begins, so load balancers stop sending joins while the node flushes its sessions. */
@Readiness
@ApplicationScoped
public class ShutdownReadinessCheck implements HealthCheck {

  @Inject NodeState node;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("accepting-sessions").status(!node.shuttingDown()).build();
  }
}
