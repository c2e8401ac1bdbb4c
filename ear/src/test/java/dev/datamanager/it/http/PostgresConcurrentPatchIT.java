package dev.datamanager.it.http;

/** The concurrency run on a node with PostgreSQL. */
class PostgresConcurrentPatchIT extends ConcurrentPatchTests {

  PostgresConcurrentPatchIT() {
    super(NodeDatabase.POSTGRES);
  }
}
