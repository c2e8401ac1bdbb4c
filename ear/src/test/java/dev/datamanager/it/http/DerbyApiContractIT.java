package dev.datamanager.it.http;

/** The API contract on a node with embedded Derby. */
class DerbyApiContractIT extends ApiContractTests {

  DerbyApiContractIT() {
    super(NodeDatabase.DERBY);
  }
}
