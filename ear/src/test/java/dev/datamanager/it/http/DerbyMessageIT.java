package dev.datamanager.it.http;

/** Messages on a node with embedded Derby. */
class DerbyMessageIT extends MessageTests {

  DerbyMessageIT() {
    super(NodeDatabase.DERBY);
  }
}
