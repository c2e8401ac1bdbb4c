package dev.datamanager.it.http;

/** The JSON Patch conformance suite and the I-JSON rule on a node with embedded Derby (patching is database-blind). */
class DerbyPatchStandardsIT extends PatchStandardsTests {

  DerbyPatchStandardsIT() {
    super(NodeDatabase.DERBY);
  }
}
