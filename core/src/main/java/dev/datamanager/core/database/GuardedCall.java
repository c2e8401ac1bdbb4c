package dev.datamanager.core.database;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.DatabaseUnavailableException;
import dev.datamanager.api.error.RecordBusyException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Every database call passes this one method, so the node has one circuit breaker for its one database (the
 * {@code Retry-After} of a 503 assumes it). Retrying is safe for every call: a write that committed before its
 * answer was lost is recognised by its retry (ordered change numbers, an own process's lock), never repeated.
 */
@ApplicationScoped
public class GuardedCall {

  // Derby: lock wait timeout, deadlock; PostgreSQL: lock_not_available, deadlock_detected.
  private static final Set<String> LOCK_WAIT_STATES = Set.of("40XL1", "40XL2", "55P03", "40P01");

  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DatabaseUnavailableException.class)
  @Timeout(30_000)
  @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 1_000,
      failOn = DatabaseUnavailableException.class, skipOn = RecordBusyException.class)
  public <T> T call(String operation, Supplier<T> work) {
    return typed(operation, work);
  }

  /** Runs {@code work}, turning any failure but a typed outcome or a caller's error into a database error. */
  static <T> T typed(String operation, Supplier<T> work) {
    try {
      return work.get();
    } catch (DataManagerException e) {
      throw e;
    } catch (RuntimeException e) {
      // Also a CommitUnknownException: the write's outcome is resolved by writing again, as the retry does.
      throw isLockWait(e) ? new RecordBusyException(operation, e) : new DatabaseUnavailableException(operation, e);
    }
  }

  /** A row lock not obtained in time (or a deadlock victim): one busy record, not a sick database. */
  static boolean isLockWait(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && LOCK_WAIT_STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
