package dev.datamanager.core.database;

import dev.datamanager.api.record.AcquireOutcome;
import dev.datamanager.api.record.CommitOutcome;
import dev.datamanager.api.record.CommitRequest;
import dev.datamanager.api.record.LeaseClaim;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.record.ReleaseOutcome;
import dev.datamanager.api.record.ReleaseRequest;
import dev.datamanager.api.record.Renewal;
import dev.datamanager.api.record.UnheldWriteOutcome;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.api.server.NodeView;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.persistence.record.HandoffRequests;
import dev.datamanager.persistence.record.MigrationSteps;
import dev.datamanager.persistence.record.ProcessBeats;
import dev.datamanager.persistence.record.RecordRepository;
import dev.datamanager.persistence.record.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The record repository behind MicroProfile Fault Tolerance, as this process (server id and incarnation). Each
 * repository call is its own resource-local transaction, so a retry starts a fresh transaction.
 */
@ApplicationScoped
public class DatabaseGateway {

  @PersistenceUnit(unitName = "datamanager")
  EntityManagerFactory entityManagerFactory;

  @Resource(lookup = "jdbc/datamanager")
  DataSource dataSource;

  @Inject NodeSettings settings;
  @Inject SchemaState schema;
  @Inject GuardedCall guarded;

  private RecordRepository repository;
  private HandoffRequests handoffRequests;
  private ProcessBeats beats;
  private MigrationSteps migrationSteps;

  @PostConstruct
  void open() {
    repository = new RecordRepository(entityManagerFactory, settings.documentMaxBytes());
    handoffRequests = repository.handoffRequests();
    beats = repository.processBeats();
    migrationSteps = repository.migrationSteps();
  }

  /** Brings the schema up to date at startup; if the database is down, the first call that needs it retries. */
  public void prepareSchema() {
    schema.ensureMigrated(dataSource, repository);
  }

  /**
   * Loads and locks {@code key}, bringing it to the end of its store's {@code migration} in the same transaction; a
   * stale lease is taken over only with {@code steal}.
   */
  public AcquireOutcome acquire(RecordKey key, boolean steal, String initialData, SchemaMigration migration) {
    return call("load and lock " + key, () -> repository.acquire(key, settings.serverId(), settings.incarnation(),
        settings.lockRecent(), settings.lockStale(), steal, initialData, migration));
  }

  public List<CommitOutcome> commitBatch(List<CommitRequest> requests) {
    return call("save " + requests.size() + " sessions", () -> repository.commitBatch(requests));
  }

  public Renewal renew(List<LeaseClaim> claims) {
    return call("renew " + claims.size() + " leases", () -> repository.renew(settings.serverId(), claims));
  }

  public List<ReleaseOutcome> releaseBatch(List<CommitRequest> requests) {
    return call("save and release " + requests.size() + " sessions", () -> repository.releaseBatch(requests));
  }

  /** Frees a lock this process holds without a session (a join that timed out after taking it). */
  public boolean releaseOrphan(RecordKey key) {
    return call("free the orphaned lock of " + key,
        () -> repository.releaseOrphan(key, settings.serverId(), settings.incarnation()));
  }

  public boolean requestRelease(RecordKey key) {
    return call("ask the owner of " + key + " to release it",
        () -> handoffRequests.request(key, settings.serverId(), settings.incarnation()));
  }

  /** Release requests for this process younger than {@code maxAge}; a poll, see {@link #poll}. */
  @Timeout(5_000)
  public List<ReleaseRequest> releaseRequests(Duration maxAge) {
    return polled("look for release requests",
        () -> handoffRequests.pending(settings.serverId(), settings.incarnation(), maxAge));
  }

  /**
   * Compares this node's migration steps of {@code store} with the ones used before and records new ones.
   *
   * @return one line per changed step; empty when the steps are the used ones or extend them
   */
  public List<String> checkMigrationSteps(String store, List<MigrationSteps.Step> steps) {
    return call("check the migration steps of " + store,
        () -> migrationSteps.check(store, steps, settings.serverId()));
  }

  /** This process is alive, with its figures; a beat that fails is simply the next one's job. */
  @Timeout(5_000)
  public void beat(ProcessBeats.Figures figures) {
    polled("beat", () -> {
      beats.beat(settings.serverId(), settings.incarnation(), figures);
      return null;
    });
  }

  /**
   * Records locked by a process silent for longer than {@code silence} (a node that crashed or failed its flush)
   * whose lease is not stale yet: their players cannot join them.
   */
  @Timeout(5_000)
  public long locksOfGoneProcesses(Duration silence) {
    return polled("count the locks of gone processes",
        () -> beats.locksOfProcessesSilentFor(silence, settings.lockStale()));
  }

  /** The processes that beat within {@code lock.stale}: the cluster as {@code GET /api/v1/nodes} shows it. */
  public List<NodeView> nodes() {
    return call("list the nodes", () -> beats.seenWithin(settings.lockStale()));
  }

  /**
   * This process stops beating: called once every session it could release is released, so only leases speak for
   * the rest. First forgets processes silent for longer than {@code lock.stale} (crashed ones never end theirs).
   */
  @Timeout(5_000)
  public void endBeat() {
    polled("end the beat", () -> {
      beats.end(settings.serverId(), settings.incarnation());
      return beats.forgetSilentFor(settings.lockStale());
    });
  }

  /**
   * One call of a poll that runs again in a moment anyway: bounded by a 5 s timeout, but not behind the retry and
   * the circuit breaker, since a poll stuck behind a busy row says nothing of the database.
   */
  @Timeout(5_000)
  public <T> T poll(String operation, Supplier<T> work) {
    return polled(operation, work);
  }

  /**
   * A call of a background task that runs again on its next tick (pruning, retried erasures, looking for a job):
   * bounded, but outside the retry and the circuit breaker, so a failing background query never turns the API's
   * answers into 503s.
   */
  @Timeout(30_000)
  public <T> T background(String operation, Supplier<T> work) {
    return polled(operation, work);
  }

  // Each public poll carries its own @Timeout: a call from inside this bean would bypass the interceptor.
  private <T> T polled(String operation, Supplier<T> work) {
    return DatabaseCall.of(operation, () -> GuardedCall.typed(operation, () -> {
      schema.ensureMigrated(dataSource, repository);
      return work.get();
    }));
  }

  /**
   * A lock-safe admin write of {@code key} if no live session holds it: {@code change} (null: erase) is applied to
   * a free record, or with {@code steal} to one under a stale lease, as a new version; otherwise refused.
   */
  public UnheldWriteOutcome writeUnheld(RecordKey key, boolean steal, UnaryOperator<String> change,
      VersionNote note) {
    return call("change " + key, () -> repository.writeUnheld(key, settings.serverId(), settings.incarnation(),
        settings.lockRecent(), settings.lockStale(), steal, change, note));
  }

  /** As {@link #writeUnheld}, bringing the record to {@code migration}'s latest step (a bulk migration). */
  public UnheldWriteOutcome migrateUnheld(RecordKey key, boolean steal, SchemaMigration migration, VersionNote note) {
    return call("migrate " + key, () -> repository.migrateUnheld(key, settings.serverId(), settings.incarnation(),
        settings.lockRecent(), settings.lockStale(), steal, migration, note));
  }

  /** Erases {@code key}, held by this node's session of {@code generation}; false if that lock was lost. */
  public boolean eraseHeld(RecordKey key, long generation) {
    return call("erase " + key, () -> repository.eraseHeld(key, settings.serverId(), generation));
  }

  public Optional<RecordSnapshot> read(RecordKey key) {
    return call("read " + key, () -> repository.read(key));
  }

  /** The persistence unit, for the other repositories of the schema (versions, audit, jobs). */
  public EntityManagerFactory entityManagerFactory() {
    return entityManagerFactory;
  }

  /**
   * Runs one repository call behind the same fault tolerance and schema check as every call here: {@code
   * operation} names it in errors and logs.
   */
  public <T> T call(String operation, Supplier<T> work) {
    return DatabaseCall.of(operation, () -> guarded.call(operation, () -> {
      schema.ensureMigrated(dataSource, repository);
      return work.get();
    }));
  }
}
