package dev.datamanager.core.save;

import dev.datamanager.core.metrics.NodeMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A token bucket of row writes per second for this node. Leaves and the shutdown flush take their writes at once
 * (going into debt if need be); autosaves wait for the bucket, so player exits always go first; jobs take only what
 * leaves half the bucket untouched, so they never starve autosave.
 */
@ApplicationScoped
public class WriteBudget {

  /** Who is writing: leaves never wait, autosaves wait for the budget, jobs wait for what is spare. */
  public enum Priority { JOB, AUTOSAVE, LEAVE }

  @Inject
  @ConfigProperty(name = "datamanager.write.budget", defaultValue = "5000")
  int writesPerSecond;

  @Inject NodeMetrics metrics;

  private double tokens;
  private long refilledNanos;

  @PostConstruct
  void fill() {
    tokens = writesPerSecond;
    refilledNanos = System.nanoTime();
  }

  /** Takes {@code writes} tokens; an autosave waits until the bucket has them, a job until it has them spare. */
  public void take(int writes, Priority priority) {
    if (priority == Priority.JOB) {
      takeSpare(writes);
      return;
    }
    long waitNanos;
    synchronized (this) {
      refill();
      tokens -= writes;
      // Time until the debt is paid back; others arriving meanwhile queue behind it.
      waitNanos = tokens >= 0 ? 0 : (long) (-tokens * TimeUnit.SECONDS.toNanos(1) / writesPerSecond);
    }
    if (priority == Priority.AUTOSAVE && waitNanos > 0) {
      metrics.budgetWait();
      LockSupport.parkNanos(waitNanos);
    }
  }

  /**
   * Takes {@code writes} tokens only once the bucket would still hold half its size after them: a job never goes into
   * debt and never takes the tokens autosaves and leaves are about to need; it waits instead.
   */
  private void takeSpare(int writes) {
    while (true) {
      long waitNanos;
      synchronized (this) {
        refill();
        double keep = Math.max(0, Math.min(writesPerSecond / 2.0, writesPerSecond - writes));
        if (tokens - writes >= keep) {
          tokens -= writes;
          return;
        }
        waitNanos = (long) ((keep + writes - tokens) * TimeUnit.SECONDS.toNanos(1) / writesPerSecond);
      }
      LockSupport.parkNanos(Math.max(waitNanos, TimeUnit.MILLISECONDS.toNanos(1)));
    }
  }

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(writesPerSecond, tokens + (now - refilledNanos) * (double) writesPerSecond / 1e9);
    refilledNanos = now;
  }

  public int writesPerSecond() {
    return writesPerSecond;
  }
}
