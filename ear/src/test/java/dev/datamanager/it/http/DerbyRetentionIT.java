package dev.datamanager.it.http;

/** Version retention on a node with embedded Derby, checked through the API (the database is inside the node). */
class DerbyRetentionIT extends RetentionTests {

  DerbyRetentionIT() {
    super(NodeDatabase.DERBY);
  }
}
