package dev.datamanager.it.http;

/** The trade endpoint on a node with embedded Derby. */
class DerbyTradeIT extends TradeTests {

  DerbyTradeIT() {
    super(NodeDatabase.DERBY);
  }
}
