package dev.datamanager.api.job;

/** Example bodies of the job endpoints, shown in the OpenAPI document. */
final class JobExamples {

  static final String START = "{\"kind\":\"restore\",\"at\":\"2026-11-25T20:00:00Z\"}";
  static final String JOB = "{\"id\":\"6f1c0d2e-6c55-4c59-9a53-3c1f0f6b2a10\",\"kind\":\"restore\","
      + "\"store\":\"PlayerData\",\"state\":\"running\",\"total\":1000,\"done\":412,\"skipped\":37,\"failed\":1,"
      + "\"errors\":[{\"key\":\"Player_17\",\"detail\":\"The document is 4194400 bytes of UTF-8 JSON; the limit is"
      + " 4194304 bytes.\"}],\"startedAt\":\"2026-11-26T09:00:00Z\",\"finishedAt\":null}";
  static final String LIST = "{\"jobs\":[" + JOB + "],\"next\":null}";
  static final String MATCHES = "{\"matches\":[{\"key\":\"Player_1\"},{\"key\":\"Player_2\"}]}";

  private JobExamples() {}
}
