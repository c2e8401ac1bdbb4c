package dev.datamanager.persistence.record;

import jakarta.persistence.PersistenceException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration steps nodes have used, by store, with their checksums: a step is fixed once any node used it, so a
 * node whose copy of it differs must not run, while a node that knows fewer steps (older, during a rolling
 * upgrade) may.
 */
public final class MigrationSteps {

  /** One step as a node has it. */
  public record Step(int number, String name, String checksum) {}

  private final Transactions transactions;
  private final DatabaseClock clock;

  MigrationSteps(Transactions transactions, DatabaseClock clock) {
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Compares {@code steps} of {@code store} with the ones recorded and records the new ones as used by
   * {@code serverId}, in one transaction that locks the store's recorded steps (two nodes starting with new steps
   * record them once).
   *
   * @return one line per step recorded with another name or checksum; empty when this node's steps are the
   *     recorded ones or extend them
   */
  public List<String> check(String store, List<Step> steps, String serverId) {
    try {
      return checkOnce(store, steps, serverId);
    } catch (PersistenceException e) {
      // Another node recorded the same new steps at the same moment (a unique violation): compare with its record.
      return checkOnce(store, steps, serverId);
    }
  }

  private List<String> checkOnce(String store, List<Step> steps, String serverId) {
    return transactions.run(em -> {
      Map<Integer, Step> recorded = new HashMap<>();
      @SuppressWarnings("unchecked")
      List<Object[]> rows = em.createNativeQuery("SELECT STEP_NO, STEP_NAME, CHECKSUM FROM DM_MIGRATION_STEP"
              + " WHERE STORE_NAME = ? FOR UPDATE")
          .setParameter(1, store)
          .getResultList();
      for (Object[] row : rows) {
        int number = ((Number) row[0]).intValue();
        recorded.put(number, new Step(number, (String) row[1], (String) row[2]));
      }
      List<String> changed = new ArrayList<>();
      for (Step step : steps) {
        Step before = recorded.get(step.number());
        if (before != null && !before.equals(step)) {
          changed.add(String.format("step %04d of %s is %s (checksum %s) here but was used as %s (checksum %s)",
              step.number(), store, step.name(), step.checksum(), before.name(), before.checksum()));
        }
      }
      if (changed.isEmpty()) {
        Timestamp now = Timestamp.from(clock.now(em));
        for (Step step : steps) {
          if (!recorded.containsKey(step.number())) {
            em.createNativeQuery("INSERT INTO DM_MIGRATION_STEP (STORE_NAME, STEP_NO, STEP_NAME, CHECKSUM,"
                    + " RECORDED_AT, RECORDED_BY) VALUES (?, ?, ?, ?, ?, ?)")
                .setParameter(1, store).setParameter(2, step.number()).setParameter(3, step.name())
                .setParameter(4, step.checksum()).setParameter(5, now).setParameter(6, serverId)
                .executeUpdate();
          }
        }
      }
      return changed;
    });
  }
}
