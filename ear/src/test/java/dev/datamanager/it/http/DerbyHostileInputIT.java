package dev.datamanager.it.http;

/** The hostile-input suite on a node with embedded Derby. */
class DerbyHostileInputIT extends HostileInputTests {

  DerbyHostileInputIT() {
    super(NodeDatabase.DERBY);
  }
}
