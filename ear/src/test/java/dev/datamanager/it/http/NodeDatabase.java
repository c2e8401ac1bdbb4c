package dev.datamanager.it.http;

import dev.datamanager.testsupport.TestPostgres;
import java.util.Map;

/** The database a test node runs on: embedded Derby inside the node, or a fresh database on the test PostgreSQL. */
enum NodeDatabase {
  DERBY,
  POSTGRES;

  /** Environment that points a new node at a database of this kind that no other test class uses. */
  Map<String, String> freshEnvironment(String prefix) {
    return this == DERBY ? Map.of() : TestPostgres.shared().freshNodeEnvironment(prefix);
  }
}
