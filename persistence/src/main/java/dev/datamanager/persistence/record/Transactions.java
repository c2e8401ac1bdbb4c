package dev.datamanager.persistence.record;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;

/** Runs one unit of work as exactly one resource-local transaction that it begins and ends itself. */
public final class Transactions {

  private final EntityManagerFactory emf;
  private final DatabaseClock clock;
  private volatile boolean providerTuned;

  public Transactions(EntityManagerFactory emf, DatabaseClock clock) {
    this.emf = emf;
    this.clock = clock;
  }

  public <T> T run(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    if (!providerTuned) {
      providerTuned = ProviderRetries.disable(em);
    }
    try {
      EntityTransaction transaction = em.getTransaction();
      transaction.begin();
      try {
        Object newlyBounded = clock.boundLockWaits(em);
        T result = work.apply(em);
        try {
          transaction.commit();
        } catch (RuntimeException e) {
          throw new CommitUnknownException(e);
        }
        clock.lockWaitsBounded(newlyBounded);
        return result;
      } finally {
        if (transaction.isActive()) {
          transaction.rollback();
        }
      }
    } finally {
      em.close();
    }
  }
}
