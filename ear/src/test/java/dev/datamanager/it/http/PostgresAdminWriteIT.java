package dev.datamanager.it.http;

/** Restore and edit of one record on a node with PostgreSQL. */
class PostgresAdminWriteIT extends AdminWriteTests {

  PostgresAdminWriteIT() {
    super(NodeDatabase.POSTGRES);
  }
}
