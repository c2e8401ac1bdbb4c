package dev.datamanager.it.http;

/** Trades under a one-second autosave on a node with PostgreSQL. */
class PostgresTradeAutosaveIT extends TradeAutosaveTests {

  PostgresTradeAutosaveIT() {
    super(NodeDatabase.POSTGRES);
  }
}
