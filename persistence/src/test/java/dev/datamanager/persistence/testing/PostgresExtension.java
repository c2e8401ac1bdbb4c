package dev.datamanager.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real PostgreSQL per test run on a free loopback port and stops it when the run ends;
 * if it cannot start, the tests fail (they never skip).
 */
public class PostgresExtension implements BeforeAllCallback {

  private static volatile EmbeddedPostgres server;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(PostgresExtension.class, k -> new Running(start()), Running.class);
  }

  static EmbeddedPostgres server() {
    if (server == null) {
      throw new IllegalStateException("PostgreSQL is not running: annotate the test with @ExtendWith(PostgresExtension.class)");
    }
    return server;
  }

  private static EmbeddedPostgres start() {
    try {
      server = EmbeddedPostgres.builder()
          .setPort(freeLoopbackPort())
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "200")
          .start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Closed by JUnit when the root context ends, i.e. once after the last test of the run. */
  private record Running(EmbeddedPostgres postgres) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      postgres.close();
      server = null;
    }
  }
}
