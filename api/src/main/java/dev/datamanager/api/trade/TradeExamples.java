package dev.datamanager.api.trade;

/** Example bodies for the OpenAPI document. */
public final class TradeExamples {

  /** Player_1 gives sword-7 to Player_2, if Player_1 still has it as the first item. */
  public static final String REQUEST = """
      {"changes": [
        {"key": "Player_1", "patch": [{"op": "test", "path": "/items/0", "value": "sword-7"},
                                      {"op": "remove", "path": "/items/0"}]},
        {"key": "Player_2", "patch": [{"op": "add", "path": "/items/-", "value": "sword-7"}]}]}""";

  public static final String RESULT = """
      {"sessions": [
        {"store": "PlayerData", "key": "Player_1", "data": {"items": []}, "version": 8, "dirty": false,
         "lock": {"owner": "node-a", "generation": 12, "leaseRenewedAt": "2026-11-25T20:00:00Z"},
         "userIds": ["1"], "schemaVersion": 1},
        {"store": "PlayerData", "key": "Player_2", "data": {"items": ["sword-7"]}, "version": 3, "dirty": false,
         "lock": {"owner": "node-a", "generation": 4, "leaseRenewedAt": "2026-11-25T20:00:00Z"},
         "userIds": ["2"], "schemaVersion": 1}]}""";

  private TradeExamples() {}
}
