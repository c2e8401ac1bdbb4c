package dev.datamanager.core.database;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.CommitOutcome;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.record.ReleaseOutcome;
import dev.datamanager.api.record.ReleaseRequest;
import dev.datamanager.api.record.Renewal;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.persistence.record.RecordRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The record repository behind MicroProfile Fault Tolerance. Each repository call is its own resource-local
 * transaction, so a retry here starts a fresh transaction rather than reusing a rolled-back one.
 */
@ApplicationScoped
public class DatabaseGateway {

  @PersistenceUnit(unitName = "datamanager")
  EntityManagerFactory entityManagerFactory;

  @Resource(lookup = "jdbc/datamanager")
  DataSource dataSource;

  @Inject NodeSettings settings;
  @Inject SchemaState schema;

  private RecordRepository repository;

  @PostConstruct
  void open() {
    repository = new RecordRepository(entityManagerFactory, settings.documentMaxBytes());
  }

  /** Brings the schema up to date at startup; if the database is down, the first call that needs it retries. */
  public void prepareSchema() {
    schema.ensureMigrated(dataSource);
  }

  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DatabaseUnavailableException.class)
  @Timeout(20_000)
  @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000,
      failOn = DatabaseUnavailableException.class)
  public AcquireOutcome acquire(RecordKey key, String initialData) {
    return call("load and lock " + key, () -> repository.acquire(
        key, settings.serverId(), settings.lockRecent(), settings.lockStale(), initialData));
  }

  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DatabaseUnavailableException.class)
  @Timeout(30_000)
  @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000,
      failOn = DatabaseUnavailableException.class)
  public List<CommitOutcome> commitBatch(List<CommitRequest> requests) {
    return call("save " + requests.size() + " sessions", () -> repository.commitBatch(requests));
  }

  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DatabaseUnavailableException.class)
  @Timeout(20_000)
  @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000,
      failOn = DatabaseUnavailableException.class)
  public Renewal renew(List<LeaseClaim> claims) {
    return call("renew " + claims.size() + " leases", () -> repository.renew(settings.serverId(), claims));
  }

  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DatabaseUnavailableException.class)
  @Timeout(30_000)
  @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000,
      failOn = DatabaseUnavailableException.class)
  public List<ReleaseOutcome> releaseBatch(List<CommitRequest> requests) {
    return call("save and release " + requests.size() + " sessions", () -> repository.releaseBatch(requests));
  }

  @Timeout(5_000)
  public boolean requestRelease(RecordKey key) {
    return call("ask the owner of " + key + " to release it", () -> repository.requestRelease(key, settings.serverId()));
  }

  /** No retry: the poll runs again in a moment anyway. */
  @Timeout(5_000)
  public List<ReleaseRequest> releaseRequests() {
    return call("look for release requests", () -> repository.releaseRequests(settings.serverId()));
  }

  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DatabaseUnavailableException.class)
  @Timeout(20_000)
  public Optional<RecordSnapshot> read(RecordKey key) {
    return call("read " + key, () -> repository.read(key));
  }

  /** Runs one repository call; anything but a typed outcome or a caller's error means the database failed. */
  private <T> T call(String operation, Supplier<T> work) {
    schema.ensureMigrated(dataSource);
    try {
      return work.get();
    } catch (DataManagerException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DatabaseUnavailableException(operation, e);
    }
  }
}
