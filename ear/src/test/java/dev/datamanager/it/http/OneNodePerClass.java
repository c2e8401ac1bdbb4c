package dev.datamanager.it.http;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Starts one node for all tests of a class, on the database its concrete subclass names, and stops it after. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneNodePerClass {

  final NodeDatabase database;
  private final String name;
  ApiNode node;

  OneNodePerClass(String name, NodeDatabase database) {
    this.name = name;
    this.database = database;
  }

  @BeforeAll
  void startNode() {
    node = ApiNode.start(name + "-" + database.name().toLowerCase(), database, nodeEnvironment());
  }

  /** Settings of this class's node beyond its database and users; none by default. */
  Map<String, String> nodeEnvironment() {
    return Map.of();
  }

  @AfterAll
  void stopNode() {
    node.close();
  }
}
