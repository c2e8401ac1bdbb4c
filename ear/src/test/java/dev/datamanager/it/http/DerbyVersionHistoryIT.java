package dev.datamanager.it.http;

/** Versions and the audit trail on a node with embedded Derby. */
class DerbyVersionHistoryIT extends VersionHistoryTests {

  DerbyVersionHistoryIT() {
    super(NodeDatabase.DERBY);
  }
}
