package dev.datamanager.it.http;

/** The hostile-input suite on a node with PostgreSQL. */
class PostgresHostileInputIT extends HostileInputTests {

  PostgresHostileInputIT() {
    super(NodeDatabase.POSTGRES);
  }
}
