package dev.datamanager.persistence.testing;

import dev.datamanager.testsupport.TestPostgres;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real PostgreSQL per test run and stops it when the run ends; if it cannot start, the tests fail (they
 * never skip).
 */
public class PostgresExtension implements BeforeAllCallback {

  private static volatile TestPostgres server;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(PostgresExtension.class, k -> new Running(start()), Running.class);
  }

  static TestPostgres server() {
    if (server == null) {
      throw new IllegalStateException("PostgreSQL is not running: annotate the test with @ExtendWith(PostgresExtension.class)");
    }
    return server;
  }

  // Durability off: these tests never crash the server, and the torture runs commit thousands of times.
  private static TestPostgres start() {
    server = TestPostgres.in("postgres")
        .setting("fsync", "off")
        .setting("synchronous_commit", "off")
        .setting("full_page_writes", "off")
        .setting("max_connections", "200")
        .start();
    return server;
  }

  /** Closed by JUnit when the root context ends, i.e. once after the last test of the run. */
  private record Running(TestPostgres postgres) implements AutoCloseable {
    @Override
    public void close() {
      postgres.close();
      server = null;
    }
  }
}
