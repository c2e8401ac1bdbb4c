package dev.datamanager.core.version;

import dev.datamanager.persistence.record.Retention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long versions are kept and how the pruning timer works through them (README, "Versions and audit"). */
@ApplicationScoped
public class RetentionSettings {

  @Inject
  @ConfigProperty(name = "datamanager.versions.keep", defaultValue = "P30D")
  Duration keep;

  @Inject
  @ConfigProperty(name = "datamanager.versions.min", defaultValue = "10")
  int min;

  @Inject
  @ConfigProperty(name = "datamanager.versions.thin-after", defaultValue = "PT24H")
  Duration thinAfter;

  @Inject
  @ConfigProperty(name = "datamanager.versions.prune-interval", defaultValue = "PT1M")
  Duration pruneInterval;

  @Inject
  @ConfigProperty(name = "datamanager.versions.prune-batch", defaultValue = "1000")
  int pruneBatch;

  @Inject
  @ConfigProperty(name = "datamanager.versions.prune-batches", defaultValue = "20")
  int pruneBatches;

  public Retention rules() {
    return new Retention(keep, Math.max(0, min), thinAfter);
  }

  /** Time between the starts of two pruning passes of this node. */
  public Duration pruneInterval() {
    return pruneInterval;
  }

  /** Versions looked at per transaction; at least 2, so thinning can compare a version with the next. */
  public int pruneBatch() {
    return Math.max(2, pruneBatch);
  }

  /** Transactions per pass at most; what is left waits for the next pass. */
  public int pruneBatches() {
    return Math.max(1, pruneBatches);
  }

  /** The settings as reported to operators, keyed by their configuration names. */
  public Map<String, String> asMap() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("datamanager.versions.keep", keep.toString());
    settings.put("datamanager.versions.min", Integer.toString(min));
    settings.put("datamanager.versions.thin-after", thinAfter.toString());
    settings.put("datamanager.versions.prune-interval", pruneInterval.toString());
    settings.put("datamanager.versions.prune-batch", Integer.toString(pruneBatch));
    settings.put("datamanager.versions.prune-batches", Integer.toString(pruneBatches));
    return settings;
  }
}
