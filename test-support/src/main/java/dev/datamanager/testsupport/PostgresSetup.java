package dev.datamanager.testsupport;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link TestPostgres} starts with: its folder, its server settings and the database timeouts it gives nodes. */
public final class PostgresSetup {

  final Path root;
  final Map<String, String> serverConfig = new LinkedHashMap<>();
  final Map<String, String> nodeTimeouts = new LinkedHashMap<>();

  PostgresSetup(Path root) {
    this.root = root;
  }

  /** A {@code postgresql.conf} setting, such as {@code max_connections}. */
  public PostgresSetup setting(String name, String value) {
    serverConfig.put(name, value);
    return this;
  }

  /** The {@code DB_SOCKET_TIMEOUT} and {@code DB_CONNECT_TIMEOUT} (seconds) of {@link TestPostgres#freshNodeEnvironment}. */
  public PostgresSetup nodeTimeouts(int socketSeconds, int connectSeconds) {
    nodeTimeouts.put("DB_SOCKET_TIMEOUT", Integer.toString(socketSeconds));
    nodeTimeouts.put("DB_CONNECT_TIMEOUT", Integer.toString(connectSeconds));
    return this;
  }

  /** Starts the server; failing to start fails the test, it never skips. */
  public TestPostgres start() {
    return TestPostgres.start(this);
  }
}
