package dev.datamanager.it.container;

import dev.datamanager.api.record.Acquired;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.persistence.record.RecordRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.time.Duration;

/**
 * Another server on the same database, played by the test inside the container: it reads committed state, steals
 * leases and holds row locks, through its own EntityManagerFactory.
 */
final class OtherNode implements AutoCloseable {

  static final String SERVER_ID = "other-node";
  static final String PROCESS = "other-process";

  private final EntityManagerFactory emf = Persistence.createEntityManagerFactory("datamanager");
  private final RecordRepository repository = new RecordRepository(emf);

  RecordSnapshot read(RecordKey key) {
    return repository.read(key).orElseThrow(() -> new AssertionError("no record " + key));
  }

  /** Takes the lock whatever its age, as a node would after the owner's lease went stale. */
  Acquired steal(RecordKey key) {
    return (Acquired) repository.acquire(key, SERVER_ID, PROCESS, Duration.ZERO, Duration.ZERO, true, "{}");
  }

  RecordRepository repository() {
    return repository;
  }

  /** Locks the record's row in a transaction of its own; closing the returned handle ends it. */
  AutoCloseable holdRowLock(RecordKey key) {
    EntityManager em = emf.createEntityManager();
    em.getTransaction().begin();
    // A no-op UPDATE takes the exclusive row lock the same way on Derby and PostgreSQL.
    int rows = em.createNativeQuery(
            "UPDATE DM_RECORD SET RECORD_VERSION = RECORD_VERSION WHERE STORE_NAME = ?1 AND RECORD_KEY = ?2")
        .setParameter(1, key.store())
        .setParameter(2, key.key())
        .executeUpdate();
    if (rows != 1) {
      throw new AssertionError("no row to lock for " + key);
    }
    return () -> {
      em.getTransaction().rollback();
      em.close();
    };
  }

  @Override
  public void close() {
    emf.close();
  }
}
