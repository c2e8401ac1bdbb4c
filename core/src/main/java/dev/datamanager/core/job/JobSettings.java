package dev.datamanager.core.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often a node looks for jobs, how often a runner proves it lives, and when another node takes its job over. */
@ApplicationScoped
public class JobSettings {

  @Inject
  @ConfigProperty(name = "datamanager.jobs.poll", defaultValue = "PT2S")
  Duration poll;

  @Inject
  @ConfigProperty(name = "datamanager.jobs.heartbeat", defaultValue = "PT2S")
  Duration heartbeat;

  @Inject
  @ConfigProperty(name = "datamanager.jobs.takeover", defaultValue = "PT30S")
  Duration takeover;

  @Inject
  @ConfigProperty(name = "datamanager.jobs.parallel", defaultValue = "8")
  int parallel;

  /** How often this node looks for a job nobody runs. */
  public Duration poll() {
    return poll;
  }

  /** How often a runner renews its job's heartbeat (database clock). */
  public Duration heartbeat() {
    return heartbeat;
  }

  /**
   * How many records a runner changes at once: a held record waits for its owner's next poll, so one at a time
   * would leave a job over many held records mostly waiting.
   */
  public int parallel() {
    return Math.max(1, parallel);
  }

  /** A job whose heartbeat is older than this is taken over by another node; keep it well above the heartbeat. */
  public Duration takeover() {
    return takeover;
  }
}
