package dev.datamanager.it.http;

/** Messages on a node with PostgreSQL. */
class PostgresMessageIT extends MessageTests {

  PostgresMessageIT() {
    super(NodeDatabase.POSTGRES);
  }
}
