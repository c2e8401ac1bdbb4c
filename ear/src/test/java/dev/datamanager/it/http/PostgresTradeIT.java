package dev.datamanager.it.http;

/** The trade endpoint on a node with PostgreSQL. */
class PostgresTradeIT extends TradeTests {

  PostgresTradeIT() {
    super(NodeDatabase.POSTGRES);
  }
}
