package dev.datamanager.it.http;

/** The concurrency run on a node with embedded Derby. */
class DerbyConcurrentPatchIT extends ConcurrentPatchTests {

  DerbyConcurrentPatchIT() {
    super(NodeDatabase.DERBY);
  }
}
