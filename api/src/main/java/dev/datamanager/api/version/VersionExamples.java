package dev.datamanager.api.version;

/** Example bodies shown in the OpenAPI document. */
final class VersionExamples {

  static final String SUMMARY = "{\"version\":7,\"savedAt\":\"2026-11-25T20:00:00.123456Z\",\"savedBy\":\"node-a\","
      + "\"reason\":\"autosave\",\"bytes\":512,\"pinned\":false}";
  static final String LIST = "{\"versions\":[" + SUMMARY + "],\"next\":\"ZDo3\"}";
  static final String VERSION = "{\"store\":\"PlayerData\",\"key\":\"Player_1\",\"version\":7,"
      + "\"savedAt\":\"2026-11-25T20:00:00.123456Z\",\"savedBy\":\"node-a\",\"reason\":\"autosave\",\"pinned\":false,"
      + "\"data\":{\"coins\":250}}";

  private VersionExamples() {}
}
