package dev.datamanager.api.message;

/** Example bodies for the OpenAPI document. */
public final class MessageExamples {

  public static final String GIFT = "{\"gift\":\"gift-7f3a\",\"coins\":100,\"from\":\"Player_2\"}";
  public static final String SENT = "{\"id\":\"0b6f3c5e-8d2a-4f1e-9c43-5a7d2e9b1f20\","
      + "\"sentAt\":\"2026-11-25T20:00:00Z\"}";
  public static final String LIST = "{\"messages\":[{\"id\":\"0b6f3c5e-8d2a-4f1e-9c43-5a7d2e9b1f20\","
      + "\"sentAt\":\"2026-11-25T20:00:00Z\",\"body\":" + GIFT + "}]}";
  public static final String ACK_JSON_PATCH = "[{\"op\":\"add\",\"path\":\"/gifts/-\",\"value\":\"gift-7f3a\"}]";
  public static final String ACK_MERGE_PATCH = "{\"coins\":350}";

  private MessageExamples() {}
}
