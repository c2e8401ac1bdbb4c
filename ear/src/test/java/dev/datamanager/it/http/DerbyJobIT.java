package dev.datamanager.it.http;

/** The job API on a node with embedded Derby. */
class DerbyJobIT extends JobTests {

  DerbyJobIT() {
    super(NodeDatabase.DERBY);
  }
}
