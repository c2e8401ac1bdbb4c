package dev.datamanager.it.http;

/** User ids, access and erasure on a node with embedded Derby. */
class DerbyErasureIT extends ErasureTests {

  DerbyErasureIT() {
    super(NodeDatabase.DERBY);
  }
}
