package dev.datamanager.core.version;

import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.persistence.record.PruneBatch;
import dev.datamanager.persistence.record.Retention;
import dev.datamanager.persistence.record.VersionKey;
import dev.datamanager.persistence.record.VersionPruner;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One pruning pass: expired versions first, then the thinning of old autosave versions, in at most
 * {@code prune-batches} short transactions. Thinning goes on next pass from where this one stopped.
 */
@ApplicationScoped
public class PrunePass {

  @Inject RetentionSettings settings;
  @Inject DatabaseGateway database;
  @Inject NodeMetrics metrics;

  private VersionPruner pruner;
  // Only the pruning timer runs passes, one at a time.
  private VersionKey thinningFrom;

  @PostConstruct
  void open() {
    pruner = new VersionPruner(database.entityManagerFactory());
  }

  /** @return how many versions the pass deleted */
  public int run() {
    Retention rules = settings.rules();
    int batch = settings.pruneBatch();
    int left = settings.pruneBatches();
    int deleted = 0;
    try {
      boolean more = true;
      while (more && left-- > 0) {
        PruneBatch done = database.background("prune expired versions", () -> pruner.dropExpired(rules, batch));
        deleted += done.deleted();
        more = done.next() != null;
      }
      more = true;
      while (more && left-- > 0) {
        VersionKey from = thinningFrom;
        PruneBatch done = database.background("thin old autosave versions", () -> pruner.thin(rules, from, batch));
        deleted += done.deleted();
        thinningFrom = done.next();
        more = done.next() != null;
      }
      return deleted;
    } finally {
      metrics.versionsPruned(deleted);
    }
  }
}
