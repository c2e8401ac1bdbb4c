package dev.datamanager.core.database;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.DatabaseUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
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

  @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = DatabaseUnavailableException.class)
  @Timeout(30_000)
  @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5_000,
      failOn = DatabaseUnavailableException.class)
  public <T> T call(String operation, Supplier<T> work) {
    try {
      return work.get();
    } catch (DataManagerException e) {
      throw e;
    } catch (RuntimeException e) {
      // Also a CommitUnknownException: the write's outcome is resolved by writing again, as the retry does.
      throw new DatabaseUnavailableException(operation, e);
    }
  }
}
