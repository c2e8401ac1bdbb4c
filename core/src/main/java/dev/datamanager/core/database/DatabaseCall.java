package dev.datamanager.core.database;

import dev.datamanager.api.error.DatabaseUnavailableException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/** Turns what the fault-tolerance layer throws (timeout, open circuit) into the one database error callers handle. */
public final class DatabaseCall {

  private DatabaseCall() {}

  public static <T> T of(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (FaultToleranceException e) {
      throw new DatabaseUnavailableException(operation, e);
    }
  }
}
