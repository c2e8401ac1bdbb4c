package dev.datamanager.web.health;

import dev.datamanager.core.config.NodeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application answers at all; names the node for operators. */
@Liveness
@ApplicationScoped
public class NodeLivenessCheck implements HealthCheck {

  @Inject NodeSettings settings;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("node").up().withData("serverId", settings.serverId()).build();
  }
}
