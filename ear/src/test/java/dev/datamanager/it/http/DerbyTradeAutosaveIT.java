package dev.datamanager.it.http;

/** Trades under a one-second autosave on a node with embedded Derby. */
class DerbyTradeAutosaveIT extends TradeAutosaveTests {

  DerbyTradeAutosaveIT() {
    super(NodeDatabase.DERBY);
  }
}
