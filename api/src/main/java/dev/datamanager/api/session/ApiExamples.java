package dev.datamanager.api.session;

/** Example bodies shown in the OpenAPI document. */
public final class ApiExamples {

  public static final String LOCK =
      "{\"owner\":\"node-a\",\"generation\":12,\"leaseRenewedAt\":\"2026-11-25T20:00:00Z\"}";
  public static final String SESSION = "{\"store\":\"PlayerData\",\"key\":\"Player_1\",\"data\":{\"coins\":0},"
      + "\"version\":7,\"dirty\":false,\"lock\":" + LOCK + ",\"userIds\":[\"123\"],\"schemaVersion\":1,"
      + "\"messages\":[{\"id\":\"0b6f3c5e-8d2a-4f1e-9c43-5a7d2e9b1f20\",\"sentAt\":\"2026-11-25T20:00:00Z\","
      + "\"body\":{\"gift\":\"gift-7f3a\",\"coins\":100}}]}";
  public static final String RECORD = "{\"store\":\"PlayerData\",\"key\":\"Player_1\",\"data\":{\"coins\":0},"
      + "\"version\":7,\"lock\":null,\"updatedAt\":\"2026-11-25T20:00:00Z\",\"userIds\":[\"123\"],\"schemaVersion\":1}";
  public static final String MERGE_PATCH = "{\"coins\":250,\"settings\":{\"music\":false}}";
  public static final String JSON_PATCH = "[{\"op\":\"add\",\"path\":\"/items/-\",\"value\":\"sword\"}]";
  public static final String USER_IDS = "[\"123\",\"steam:76561198000000000\"]";

  private ApiExamples() {}
}
