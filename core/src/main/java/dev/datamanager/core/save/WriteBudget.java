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
 * (going into debt if need be); autosaves wait for the bucket, so player exits always go first.
 */
@ApplicationScoped
public class WriteBudget {

  /** Who is writing: only autosaves wait for the budget. */
  public enum Priority { AUTOSAVE, LEAVE }

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

  /** Takes {@code writes} tokens; an autosave waits until the bucket has them. */
  public void take(int writes, Priority priority) {
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

  private void refill() {
    long now = System.nanoTime();
    tokens = Math.min(writesPerSecond, tokens + (now - refilledNanos) * (double) writesPerSecond / 1e9);
    refilledNanos = now;
  }

  public int writesPerSecond() {
    return writesPerSecond;
  }
}
