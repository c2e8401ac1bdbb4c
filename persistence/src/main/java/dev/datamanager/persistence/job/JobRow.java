package dev.datamanager.persistence.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** One bulk job: what it does to which store, how far it got, and which node runs it (heartbeat, database clock). */
@Entity
@Table(name = "DM_JOB")
public class JobRow {

  /** Where a job is; only a running job is ever claimed or changed. */
  public enum State {
    RUNNING, DONE, CANCELLED, FAILED;

    /** The name on the wire: lower case. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "KIND", nullable = false, length = 16)
  private String kind;

  @Column(name = "STORE_NAME", nullable = false, length = 50)
  private String store;

  @Lob
  @Column(name = "PARAMETERS", nullable = false)
  private String parameters;

  @Column(name = "STATE", nullable = false, length = 10)
  private String state;

  @Column(name = "CREATED_BY", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "IDEMPOTENCY_KEY", length = 100)
  private String idempotencyKey;

  @Column(name = "STARTED_AT", nullable = false)
  private Timestamp startedAt;

  @Column(name = "FINISHED_AT")
  private Timestamp finishedAt;

  @Column(name = "TOTAL", nullable = false)
  private long total;

  @Column(name = "DONE_COUNT", nullable = false)
  private long done;

  @Column(name = "SKIPPED_COUNT", nullable = false)
  private long skipped;

  @Column(name = "FAILED_COUNT", nullable = false)
  private long failed;

  @Column(name = "CANCEL_REQUESTED", nullable = false)
  private boolean cancelRequested;

  @Column(name = "RUNNER", length = 100)
  private String runner;

  @Column(name = "RUNNER_PROCESS", length = 36)
  private String runnerProcess;

  @Column(name = "HEARTBEAT_AT")
  private Timestamp heartbeatAt;

  @Column(name = "DETAIL", length = 2000)
  private String detail;

  protected JobRow() {}

  JobRow(NewJob job, long total, Instant now) {
    id = job.id();
    kind = job.kind();
    store = job.store();
    parameters = job.parameters();
    createdBy = job.createdBy();
    idempotencyKey = job.idempotencyKey();
    state = State.RUNNING.name();
    startedAt = Timestamp.from(now);
    this.total = total;
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public String store() {
    return store;
  }

  /** The kind's parameters as JSON text. */
  public String parameters() {
    return parameters;
  }

  public State state() {
    return State.valueOf(state);
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant startedAt() {
    return startedAt.toInstant();
  }

  public Instant finishedAt() {
    return finishedAt == null ? null : finishedAt.toInstant();
  }

  public long total() {
    return total;
  }

  public long done() {
    return done;
  }

  public long skipped() {
    return skipped;
  }

  public long failed() {
    return failed;
  }

  public boolean cancelRequested() {
    return cancelRequested;
  }

  /** Why the job failed as a whole, or null. */
  public String detail() {
    return detail;
  }

  /** True when {@code job} asks for what this job does: same kind, store and parameters. */
  boolean sameRequest(NewJob job) {
    return kind.equals(job.kind()) && store.equals(job.store()) && parameters.equals(job.parameters());
  }

  /** Frees the idempotency key of a job older than its window, so the key can start a new job. */
  void forgetIdempotencyKey() {
    idempotencyKey = null;
  }

  void requestCancel() {
    cancelRequested = true;
  }

  boolean isRunBy(String server, String process) {
    return state() == State.RUNNING && server.equals(runner) && process.equals(runnerProcess);
  }

  /** Free to take: running, and its runner's heartbeat is older than {@code bound} (or it has none), or it is ours. */
  boolean claimable(Instant bound, String server, String process) {
    return state() == State.RUNNING
        && (heartbeatAt == null || heartbeatAt.toInstant().isBefore(bound) || isRunBy(server, process));
  }

  void claim(String server, String process, Instant now) {
    runner = server;
    runnerProcess = process;
    beat(now);
  }

  void beat(Instant now) {
    heartbeatAt = Timestamp.from(now);
  }

  /** Lets another node take the job at once: its runner stopped on purpose (the node is shutting down). */
  void release() {
    heartbeatAt = null;
  }

  void count(JobItemRow.State outcome) {
    switch (outcome) {
      case DONE -> done++;
      case SKIPPED -> skipped++;
      case FAILED -> failed++;
      default -> throw new IllegalArgumentException("Not an outcome: " + outcome);
    }
  }

  void finish(State outcome, String why, Instant now) {
    state = Objects.requireNonNull(outcome, "outcome").name();
    detail = why == null || why.length() <= 2000 ? why : why.substring(0, 2000);
    finishedAt = Timestamp.from(now);
    heartbeatAt = null;
  }
}
