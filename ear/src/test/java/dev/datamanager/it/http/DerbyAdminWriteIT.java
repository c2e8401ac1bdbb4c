package dev.datamanager.it.http;

/** Restore and edit of one record on a node with embedded Derby. */
class DerbyAdminWriteIT extends AdminWriteTests {

  DerbyAdminWriteIT() {
    super(NodeDatabase.DERBY);
  }
}
