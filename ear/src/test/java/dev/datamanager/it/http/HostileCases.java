package dev.datamanager.it.http;

import dev.datamanager.testsupport.BasicCredentials;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The hostile-input catalogue: bodies, media types, patches, names and credentials that must all be refused. */
final class HostileCases {

  static final String VICTIM = "/api/v1/stores/PlayerData/sessions/Victim_1";
  static final String VICTIM_RECORD = "/api/v1/stores/PlayerData/records/Victim_1";
  private static final String MERGE = "application/merge-patch+json";
  private static final String JSON_PATCH = "application/json-patch+json";
  private static final int MAX_BYTES = 4_194_304;

  private final List<HostileCase> cases = new ArrayList<>();

  private HostileCases() {}

  static List<HostileCase> all() {
    HostileCases c = new HostileCases();
    c.bodies();
    c.patches();
    c.names();
    c.userIds();
    c.credentials();
    c.adminWrites();
    c.versionsAndAudit();
    c.jobs();
    c.messages();
    c.trades();
    return List.copyOf(c.cases);
  }

  private void bodies() {
    patch("malformed JSON", 400, MERGE, "{\"coins\":}");
    patch("truncated JSON", 400, MERGE, "{\"coins\": 5, \"gems\": [1, 2");
    patch("trailing garbage", 400, MERGE, "{\"coins\":5} {\"gems\":1}");
    patch("not JSON at all", 400, MERGE, "coins=5");
    patch("empty merge patch body", 400, MERGE, "");
    patch("empty JSON Patch body", 400, JSON_PATCH, "");
    patch("invalid UTF-8", 400, MERGE, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
    patch("10 000 nested objects", 400, MERGE, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
    patch("10 000 nested arrays", 400, JSON_PATCH, "[".repeat(10_000) + "]".repeat(10_000));
    patch("media type application/json", 415, "application/json", "{\"coins\":5}");
    patch("media type text/plain", 415, "text/plain", "{\"coins\":5}");
    patch("media type application/xml", 415, "application/xml", "<coins>5</coins>");
    add("no media type", 415, node -> node.request(VICTIM, node.game)
        .method("PATCH", BodyPublishers.ofString("{\"coins\":5}")).build());
    String overLimit = "{\"s\":\"" + "x".repeat(MAX_BYTES + 1 - 8) + "\"}";
    patch("body of 4 MB + 1 byte", 413, MERGE, overLimit);
    add("chunked body of 4 MB + 1 byte", 413, node -> node.request(VICTIM, node.game).header("Content-Type", MERGE)
        .method("PATCH", BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(overLimit.getBytes(StandardCharsets.UTF_8)))).build());
    patch("very long string over the document limit", 413, MERGE,
        "{\"bio\":\"" + "ü".repeat(MAX_BYTES / 2 - 10) + "\"}");
  }

  private void patches() {
    patch("JSON Patch that is an object", 422, JSON_PATCH, "{\"op\":\"add\",\"path\":\"/coins\",\"value\":1}");
    patch("JSON Patch unknown op", 422, JSON_PATCH, "[{\"op\":\"explode\",\"path\":\"/coins\"}]");
    patch("JSON Patch missing path", 422, JSON_PATCH, "[{\"op\":\"replace\",\"path\":\"/nope/deeper\",\"value\":1}]");
    patch("JSON Patch path not a pointer", 422, JSON_PATCH, "[{\"op\":\"add\",\"path\":\"coins\",\"value\":1}]");
    patch("JSON Patch array index out of range", 422, JSON_PATCH,
        "[{\"op\":\"add\",\"path\":\"/items/99\",\"value\":1}]");
    patch("JSON Patch failing test", 422, JSON_PATCH, "[{\"op\":\"test\",\"path\":\"/coins\",\"value\":-1}]");
    patch("JSON Patch partly valid", 422, JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/coins\",\"value\":1},{\"op\":\"remove\",\"path\":\"/nope\"}]");
    patch("JSON Patch removes a template key", 422, JSON_PATCH, "[{\"op\":\"remove\",\"path\":\"/coins\"}]");
    patch("JSON Patch sets a template key to null", 422, JSON_PATCH,
        "[{\"op\":\"replace\",\"path\":\"/coins\",\"value\":null}]");
    patch("number becomes string", 422, MERGE, "{\"coins\":\"lots\"}");
    patch("object becomes number", 422, MERGE, "{\"settings\":5}");
    patch("array becomes object", 422, MERGE, "{\"items\":{}}");
    patch("nested boolean becomes string", 422, MERGE, "{\"settings\":{\"music\":\"yes\"}}");
    patch("null removes a template key", 422, MERGE, "{\"coins\":null}");
    patch("null removes a nested template key", 422, MERGE, "{\"inventory\":{\"capacity\":null}}");
    patch("merge patch null", 422, MERGE, "null");
    patch("merge patch array", 422, MERGE, "[1,2,3]");
    patch("merge patch string", 422, MERGE, "\"PlayerData\"");
    patch("huge number for a string", 422, MERGE, "{\"settings\":{\"language\":1e400}}");
    patch("10 000-digit number, past the parser's limit", 400, MERGE, "{\"coins\":" + "9".repeat(10_000) + "}");
  }

  private void names() {
    String longKey = "K".repeat(51);
    add("overlong key on join", 400, node -> node.request("/api/v1/stores/PlayerData/sessions/" + longKey, node.game)
        .POST(BodyPublishers.noBody()).build());
    add("overlong store on get", 400, node -> node.request("/api/v1/stores/" + "S".repeat(51) + "/sessions/Victim_1",
        node.game).build());
    add("overlong key on patch", 400, node -> node.request("/api/v1/stores/PlayerData/sessions/" + longKey, node.game)
        .header("Content-Type", MERGE).method("PATCH", BodyPublishers.ofString("{\"coins\":1}")).build());
    for (String key : List.of("Player%201", "Spieler_%C3%BC", "%E7%8E%A9%E5%AE%B6", "P%3B1", "P%251", "%3Cscript%3E",
        "P'1", "P%2C1", "P~1")) {
      add("key " + key + " on join", 400, node -> node.request("/api/v1/stores/PlayerData/sessions/" + key, node.game)
          .POST(BodyPublishers.noBody()).build());
    }
    add("bad key on records", 400, node -> node.request("/api/v1/stores/PlayerData/records/Victim%201", node.admin)
        .build());
    add("unknown store", 404, node -> node.request("/api/v1/stores/NoSuchStore/sessions/Victim_1", node.game)
        .POST(BodyPublishers.noBody()).build());
    add("patch of a session not held", 404, node -> node.request("/api/v1/stores/PlayerData/sessions/Other_1",
        node.game).header("Content-Type", MERGE).method("PATCH", BodyPublishers.ofString("{\"coins\":1}")).build());
    add("unknown path", 404, node -> node.request("/api/v1/stores/PlayerData/things/Victim_1", node.game).build());
    add("PUT on a session", 405, node -> node.request(VICTIM, node.game)
        .PUT(BodyPublishers.ofString("{\"coins\":1}")).header("Content-Type", "application/json").build());
  }

  private void userIds() {
    String tooMany = IntStream.range(0, 33).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    userIds("user id of 65 characters", "[\"" + "u".repeat(65) + "\"]");
    userIds("user id with a space", "[\"user 1\"]");
    userIds("user id with a comma", "[\"a,b\"]");
    userIds("user id with a slash", "[\"a/b\"]");
    userIds("user id with a non-ASCII letter", "[\"spieler-\u00fc\"]");
    userIds("empty user id", "[\"\"]");
    userIds("user id sent as a number", "[123]");
    userIds("user id null", "[\"ok\",null]");
    userIds("33 user ids", tooMany);
    userIds("user ids in an object", "{\"userIds\":[\"a\"]}");
    userIds("user ids as one string", "\"a\"");
    userIds("user ids malformed JSON", "[\"a\"");
    userIds("user ids empty body", "");
    userIds("user ids lone surrogate", "[\"\\ud800\"]");
    add("user ids as text/plain", 415, node -> node.request(VICTIM + "/user-ids", node.game)
        .header("Content-Type", "text/plain").PUT(BodyPublishers.ofString("[\"a\"]")).build());
    add("user ids of a session not held", 404, node -> node.request("/api/v1/stores/PlayerData/sessions/Other_1"
        + "/user-ids", node.game).header("Content-Type", "application/json")
        .PUT(BodyPublishers.ofString("[\"a\"]")).build());
    for (String id : List.of("u".repeat(65), "user%201", "a%2Cb", "spieler-%C3%BC", "%3Cscript%3E")) {
      add("access to user id " + id, 400, node -> node.request("/api/v1/users/" + id, node.admin).build());
      add("erasure of user id " + id, 400, node -> node.request("/api/v1/users/" + id, node.admin).DELETE().build());
    }
  }

  private void userIds(String name, String body) {
    add(name, 400, node -> node.request(VICTIM + "/user-ids", node.game).header("Content-Type", "application/json")
        .PUT(BodyPublishers.ofString(body)).build());
  }

  private void credentials() {
    add("no credentials", 401, node -> patchRequest(node.request(VICTIM), MERGE, "{\"coins\":1}"));
    add("wrong password", 401, node -> patchRequest(node.request(VICTIM)
        .header("Authorization", new BasicCredentials(node.game.user(), "guess").header()), MERGE, "{\"coins\":1}"));
    add("unknown user", 401, node -> node.request(VICTIM)
        .header("Authorization", new BasicCredentials("mallory", "x").header()).DELETE().build());
    add("malformed Basic header", 401, node -> node.request(VICTIM).header("Authorization", "Basic !!!").build());
    add("Bearer token", 401, node -> node.request(VICTIM).header("Authorization", "Bearer abc.def.ghi").build());
    add("game-server reads a record", 403, node -> node.request(VICTIM_RECORD, node.game).build());
    add("game-server reads server info", 403, node -> node.request("/api/v1/server", node.game).build());
    add("game-server reads a user's records", 403, node -> node.request("/api/v1/users/u-1", node.game).build());
    add("game-server erases a user", 403, node -> node.request("/api/v1/users/u-1", node.game).DELETE().build());
    add("game-server erases a record", 403, node -> node.request(VICTIM_RECORD, node.game).DELETE().build());
    add("support erases a user", 403, node -> node.request("/api/v1/users/u-1", node.support).DELETE().build());
    add("support erases a record", 403, node -> node.request(VICTIM_RECORD, node.support).DELETE().build());
    add("erasure without credentials", 401, node -> node.request(VICTIM_RECORD).DELETE().build());
  }

  /** Restores and edits of the held, dirty victim that must be refused before anything is written. */
  private void adminWrites() {
    restore("restore with an empty object", 400, "{}");
    restore("restore naming version and time", 400, "{\"version\":0,\"at\":\"2026-11-25T20:00:00Z\"}");
    restore("restore of version -1", 400, "{\"version\":-1}");
    restore("restore of version 1.5", 400, "{\"version\":1.5}");
    restore("restore of version \"1\"", 400, "{\"version\":\"1\"}");
    restore("restore of version 2^63", 400, "{\"version\":9223372036854775808}");
    restore("restore at a time without offset", 400, "{\"at\":\"2026-11-25T20:00:00\"}");
    restore("restore at 'yesterday'", 400, "{\"at\":\"yesterday\"}");
    restore("restore at a number", 400, "{\"at\":1764100800}");
    restore("restore with an extra field", 400, "{\"version\":0,\"force\":true}");
    restore("restore with malformed JSON", 400, "{\"version\":");
    restore("restore of a version never written", 404, "{\"version\":999999}");
    restore("restore to before the record existed", 404, "{\"at\":\"2000-01-01T00:00:00Z\"}");
    add("restore by a game-server user", 403, node -> restoreRequest(node, node.game, "{\"version\":0}"));
    add("restore by a support user", 403, node -> restoreRequest(node, node.support, "{\"version\":0}"));
    add("edit by a game-server user", 403, node -> patchRequest(node.request(VICTIM_RECORD, node.game), MERGE,
        "{\"coins\":1}"));
    add("edit by a support user", 403, node -> patchRequest(node.request(VICTIM_RECORD, node.support), MERGE,
        "{\"coins\":1}"));
    add("edit with malformed JSON", 400, node -> patchRequest(node.request(VICTIM_RECORD, node.admin), MERGE,
        "{\"coins\":}"));
    add("edit with a failing test operation", 422, node -> patchRequest(node.request(VICTIM_RECORD, node.admin),
        JSON_PATCH, "[{\"op\":\"test\",\"path\":\"/coins\",\"value\":-1},"
            + "{\"op\":\"replace\",\"path\":\"/coins\",\"value\":0}]"));
    add("edit that removes a template member", 422, node -> patchRequest(node.request(VICTIM_RECORD, node.admin),
        MERGE, "{\"coins\":null}"));
    add("edit over the document limit", 413, node -> patchRequest(node.request(VICTIM_RECORD, node.admin), MERGE,
        "{\"bio\":\"" + "x".repeat(MAX_BYTES) + "\"}"));
    add("edit of a record that does not exist", 404, node -> patchRequest(
        node.request("/api/v1/stores/PlayerData/records/Nobody_1", node.admin), MERGE, "{\"coins\":1}"));
  }

  private void restore(String name, int status, String body) {
    add(name, status, node -> restoreRequest(node, node.admin, body));
  }

  private static HttpRequest restoreRequest(ApiNode node, BasicCredentials user, String body) {
    return node.request(VICTIM_RECORD + "/restore", user).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)).build();
  }

  /** The versions and audit endpoints: bad numbers, times, limits, cursors and actions; roles. */
  private void versionsAndAudit() {
    String versions = VICTIM_RECORD + "/versions";
    for (String version : List.of("-1", "abc", "1.5", "99999999999999999999", "%2B1", "0x1", "%20")) {
      add("version " + version, 400, node -> node.request(versions + "/" + version, node.admin).build());
      add("pin of version " + version, 400, node -> node.request(versions + "/" + version + "/pin", node.admin)
          .PUT(BodyPublishers.noBody()).build());
    }
    add("unpin of version -1", 400, node -> node.request(versions + "/-1/pin", node.admin).DELETE().build());
    for (String list : List.of(versions, "/api/v1/audit")) {
      for (String time : List.of("yesterday", "2026-11-25", "2026-11-25T20:00:00", "2026-11-25T20:00Z",
          "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T20:00:00%2B5",
          "2026-11-25T20:00:00.1234567890Z", "1732564800", "")) {
        add("from=" + time + " on " + list, 400, node -> node.request(list + "?from=" + time, node.admin).build());
      }
      add("to not a time on " + list, 400, node -> node.request(list + "?to=now", node.admin).build());
      for (String limit : List.of("0", "501", "abc", "-1", "", "1e2", "%2B5", "99999999999")) {
        add("limit=" + limit + " on " + list, 400, node -> node.request(list + "?limit=" + limit, node.admin)
            .build());
      }
      for (String cursor : List.of("!!!", "abc", "", "bm90IGEgY3Vyc29y", "dmVyc2lvbnMKZGVzYwotNQ",
          "dmVyc2lvbnMKZGVzYwp4", "YXVkaXQKeAp5", "dmVyc2lvbnMKZGVzYw", "x".repeat(2000))) {
        add("cursor " + (cursor.length() > 20 ? cursor.substring(0, 20) + "…" : cursor) + " on " + list, 400,
            node -> node.request(list + "?cursor=" + cursor, node.admin).build());
      }
    }
    add("order=up", 400, node -> node.request(versions + "?order=up", node.admin).build());
    for (String action : List.of("delete", "PIN", "", "pin%2Cunpin", "erase_user")) {
      add("action=" + action, 400, node -> node.request("/api/v1/audit?action=" + action, node.admin).build());
    }
    List<Function<ApiNode, HttpRequest.Builder>> endpoints = List.of(
        node -> node.request(versions),
        node -> node.request(versions + "/0"),
        node -> node.request(versions + "/0/pin").PUT(BodyPublishers.noBody()),
        node -> node.request(versions + "/0/pin").DELETE(),
        node -> node.request("/api/v1/audit"));
    String[] names = {"list versions", "read a version", "pin", "unpin", "read the audit trail"};
    for (int i = 0; i < endpoints.size(); i++) {
      Function<ApiNode, HttpRequest.Builder> endpoint = endpoints.get(i);
      add("game-server may not " + names[i], 403,
          node -> endpoint.apply(node).header("Authorization", node.game.header()).build());
      add("no credentials to " + names[i], 401, node -> endpoint.apply(node).build());
    }
    add("support may not pin", 403, node -> node.request(versions + "/0/pin", node.support)
        .PUT(BodyPublishers.noBody()).build());
    add("support may not unpin", 403, node -> node.request(versions + "/0/pin", node.support).DELETE().build());
  }

  /** Job starts, reads and cancels that must be refused; none may start a job (the suite checks the job list). */
  private void jobs() {
    String at = "\"at\":\"2026-11-25T20:00:00Z\"";
    jobStart("job of an unknown kind", 400, "{\"kind\":\"explode\"," + at + "}");
    jobStart("patch job without a patch", 400, "{\"kind\":\"patch\"}");
    jobStart("patch job with a malformed operation", 400, "{\"kind\":\"patch\",\"patch\":[{\"op\":\"move\",\"path\":\"/a\"}]}");
    jobStart("patch job with a where without equals", 400,
        "{\"kind\":\"patch\",\"patch\":[{\"op\":\"remove\",\"path\":\"/a\"}],\"where\":{\"pointer\":\"/a\"}}");
    jobStart("migrate job with a patch", 400, "{\"kind\":\"migrate\",\"patch\":[{\"op\":\"remove\",\"path\":\"/coins\"}]}");
    jobStart("job kind missing", 400, "{" + at + "}");
    jobStart("job kind a number", 400, "{\"kind\":7," + at + "}");
    jobStart("restore without at", 400, "{\"kind\":\"restore\"}");
    jobStart("restore with at not a time", 400, "{\"kind\":\"restore\",\"at\":\"yesterday\"}");
    jobStart("restore with at without offset", 400, "{\"kind\":\"restore\",\"at\":\"2026-11-25T20:00:00\"}");
    jobStart("restore with at a number", 400, "{\"kind\":\"restore\",\"at\":1764100800}");
    jobStart("restore with at null", 400, "{\"kind\":\"restore\",\"at\":null}");
    jobStart("restore with a patch", 400, "{\"kind\":\"restore\"," + at + ",\"patch\":[]}");
    jobStart("job start with an unknown field", 400, "{\"kind\":\"restore\"," + at + ",\"force\":true}");
    jobStart("dryRun not a boolean", 400, "{\"kind\":\"restore\"," + at + ",\"dryRun\":\"yes\"}");
    jobStart("job start an array", 400, "[{\"kind\":\"restore\"," + at + "}]");
    jobStart("job start malformed JSON", 400, "{\"kind\":\"restore\",");
    jobStart("job start empty body", 400, "");
    String restore = "{\"kind\":\"restore\"," + at + "}";
    add("job start with an overlong Idempotency-Key", 400, node -> jobStartRequest(node, node.admin, "PlayerData",
        restore).header("Idempotency-Key", "k".repeat(101)).build());
    add("job start on an unknown store", 404, node -> jobStartRequest(node, node.admin, "NoSuchStore", restore)
        .build());
    add("job start on a bad store name", 400, node -> jobStartRequest(node, node.admin, "Player%20Data", restore)
        .build());
    add("job start as text/plain", 415, node -> node.request("/api/v1/stores/PlayerData/jobs", node.admin)
        .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(restore)).build());
    add("job start by a game server", 403, node -> jobStartRequest(node, node.game, "PlayerData", restore).build());
    add("job start by support", 403, node -> jobStartRequest(node, node.support, "PlayerData", restore).build());
    add("job start without credentials", 401, node -> node.request("/api/v1/stores/PlayerData/jobs")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(restore)).build());
    for (String limit : List.of("0", "501", "-1", "abc", "1e2", "99999999999")) {
      add("job list limit " + limit, 400, node -> node.request("/api/v1/jobs?limit=" + limit, node.admin).build());
    }
    add("job list with a bad cursor", 400, node -> node.request("/api/v1/jobs?cursor=bm90LWEtY3Vyc29y", node.admin)
        .build());
    add("job list with a cursor that is not base64", 400, node -> node.request("/api/v1/jobs?cursor=%25%25",
        node.admin).build());
    add("job id not a UUID", 400, node -> node.request("/api/v1/jobs/not-a-job", node.admin).build());
    add("cancel of a job id not a UUID", 400, node -> node.request("/api/v1/jobs/1%20OR%201=1", node.admin)
        .DELETE().build());
    String unknown = "/api/v1/jobs/00000000-0000-4000-8000-000000000000";
    add("unknown job", 404, node -> node.request(unknown, node.admin).build());
    add("cancel of an unknown job", 404, node -> node.request(unknown, node.admin).DELETE().build());
    add("job list by a game server", 403, node -> node.request("/api/v1/jobs", node.game).build());
    add("job read by a game server", 403, node -> node.request(unknown, node.game).build());
    add("job cancel by a game server", 403, node -> node.request(unknown, node.game).DELETE().build());
    add("job cancel by support", 403, node -> node.request(unknown, node.support).DELETE().build());
  }

  /** Sends to the victim's record and acks on its session that must all be refused, storing and consuming nothing. */
  private void messages() {
    String unknownId = "0b6f3c5e-8d2a-4f1e-9c43-5a7d2e9b1f20";
    send("message that is an array", 400, "[{\"gift\":1}]");
    send("message that is a number", 400, "5");
    send("message that is a string", 400, "\"gift\"");
    send("message that is null", 400, "null");
    send("malformed message", 400, "{\"gift\":");
    send("message with trailing garbage", 400, "{\"gift\":1} {}");
    send("empty message", 400, "");
    send("message with a lone surrogate", 400, "{\"gift\":\"\\ud800\"}");
    send("message with a lone surrogate in a name", 400, "{\"\\udfff\":1}");
    send("message with invalid UTF-8", 400, new byte[] {'{', '"', 'g', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"',
        '}'});
    send("message 10 000 levels deep", 400, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
    send("message of 64 KiB + 1 byte", 413, "{\"s\":\"" + "x".repeat(65_536 - 7) + "\"}");
    send("message over the document limit", 413, "{\"s\":\"" + "x".repeat(MAX_BYTES) + "\"}");
    add("message as text/plain", 415, node -> messageRequest(node, node.game, "PlayerData", "Victim_1")
        .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("{\"gift\":1}")).build());
    add("message to an overlong key", 400, node -> sendRequest(node, node.game, "PlayerData", "K".repeat(51),
        "{\"gift\":1}").build());
    add("message to a key with a space", 400, node -> sendRequest(node, node.game, "PlayerData", "Victim%201",
        "{\"gift\":1}").build());
    add("message to a bad store name", 400, node -> sendRequest(node, node.game, "Player%3CData", "Victim_1",
        "{\"gift\":1}").build());
    add("message to an unknown store", 404, node -> sendRequest(node, node.game, "NoSuchStore", "Victim_1",
        "{\"gift\":1}").build());
    for (String key : List.of("", "has space", "k".repeat(101), "tab\tkey")) {
      add("Idempotency-Key '" + (key.length() > 20 ? key.substring(0, 20) + "…" : key) + "'", 400,
          node -> sendRequest(node, node.game, "PlayerData", "Victim_1", "{\"gift\":1}")
              .header("Idempotency-Key", key).build());
    }
    add("message sent by support", 403, node -> sendRequest(node, node.support, "PlayerData", "Victim_1",
        "{\"gift\":1}").build());
    add("message list by a game server", 403, node -> messageRequest(node, node.game, "PlayerData", "Victim_1")
        .build());
    add("message delete by a game server", 403, node -> node.request(VICTIM_RECORD + "/messages/" + unknownId,
        node.game).DELETE().build());
    add("message delete by support", 403, node -> node.request(VICTIM_RECORD + "/messages/" + unknownId,
        node.support).DELETE().build());
    add("message delete of a bad id", 400, node -> node.request(VICTIM_RECORD + "/messages/not-an-id",
        node.admin).DELETE().build());
    add("message delete of an unknown id", 404, node -> node.request(VICTIM_RECORD + "/messages/" + unknownId,
        node.admin).DELETE().build());
    add("ack of a bad id", 400, node -> ackRequest(node, node.game, "x'; DROP TABLE dm_message;--".replace(" ", "%20")
        .replace("'", "%27").replace(";", "%3B")).POST(BodyPublishers.noBody()).build());
    add("ack of an unknown id", 404, node -> ackRequest(node, node.game, unknownId).POST(BodyPublishers.noBody())
        .build());
    add("ack of an unknown id with a patch", 404, node -> ackRequest(node, node.game, unknownId)
        .header("Content-Type", MERGE).POST(BodyPublishers.ofString("{\"coins\":1}")).build());
    add("ack with a patch as text/plain", 415, node -> ackRequest(node, node.game, unknownId)
        .header("Content-Type", "text/plain").POST(BodyPublishers.ofString("{\"coins\":1}")).build());
    add("ack with a malformed patch", 400, node -> ackRequest(node, node.game, unknownId)
        .header("Content-Type", MERGE).POST(BodyPublishers.ofString("{\"coins\":")).build());
    add("ack with a lone surrogate", 400, node -> ackRequest(node, node.game, unknownId)
        .header("Content-Type", MERGE).POST(BodyPublishers.ofString("{\"name\":\"\\ud800\"}")).build());
    add("ack with a patch over the document limit", 413, node -> ackRequest(node, node.game, unknownId)
        .header("Content-Type", MERGE).POST(BodyPublishers.ofString("{\"s\":\"" + "x".repeat(MAX_BYTES) + "\"}"))
        .build());
    add("ack of a session not held", 404, node -> node.request("/api/v1/stores/PlayerData/sessions/Other_1/messages/"
        + unknownId + "/ack", node.game).POST(BodyPublishers.noBody()).build());
    add("ack by support", 403, node -> ackRequest(node, node.support, unknownId).POST(BodyPublishers.noBody())
        .build());
  }

  private void send(String name, int status, String body) {
    send(name, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private void send(String name, int status, byte[] body) {
    add(name, status, node -> messageRequest(node, node.game, "PlayerData", "Victim_1")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body)).build());
  }

  private static HttpRequest.Builder messageRequest(ApiNode node, BasicCredentials user, String store, String key) {
    return node.request("/api/v1/stores/" + store + "/records/" + key + "/messages", user);
  }

  private static HttpRequest.Builder sendRequest(ApiNode node, BasicCredentials user, String store, String key,
      String body) {
    return messageRequest(node, user, store, key).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder ackRequest(ApiNode node, BasicCredentials user, String id) {
    return node.request(VICTIM + "/messages/" + id + "/ack", user);
  }

  /**
   * Trades that involve the held, dirty victim (or try to): bad bodies, patches that fail, keys repeated or not held,
   * names, sizes, media types and roles. Each must be refused whole, the victim's session and record untouched.
   */
  private void trades() {
    String give = "[{\"op\":\"test\",\"path\":\"/items/0\",\"value\":\"shield\"},"
        + "{\"op\":\"remove\",\"path\":\"/items/0\"}]";
    String take = "[{\"op\":\"add\",\"path\":\"/items/-\",\"value\":\"shield\"}]";
    trade("trade with malformed JSON", 400, "{\"changes\":[");
    trade("trade with an empty body", 400, "");
    trade("trade body an array", 400, "[{\"key\":\"Victim_1\",\"patch\":" + give + "}]");
    trade("trade body a string", 400, "\"Victim_1\"");
    trade("trade without changes", 400, "{}");
    trade("trade changes an object", 400, "{\"changes\":{\"key\":\"Victim_1\",\"patch\":" + give + "}}");
    trade("trade changes empty", 400, "{\"changes\":[]}");
    trade("trade change a string", 400, "{\"changes\":[\"Victim_1\"]}");
    trade("trade change without a patch", 400, "{\"changes\":[{\"key\":\"Victim_1\"}]}");
    trade("trade patch an object", 400, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":{\"op\":\"remove\","
        + "\"path\":\"/items/0\"}}]}");
    trade("trade patch a string", 400, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":\"remove\"}]}");
    trade("trade change without a key", 400, "{\"changes\":[{\"patch\":" + give + "}]}");
    trade("trade key a number", 400, "{\"changes\":[{\"key\":1,\"patch\":" + give + "}]}");
    trade("trade key with a space", 400, "{\"changes\":[{\"key\":\"Victim 1\",\"patch\":" + give + "}]}");
    trade("trade key of 51 characters", 400, "{\"changes\":[{\"key\":\"" + "V".repeat(51) + "\",\"patch\":" + give
        + "}]}");
    trade("trade of 10 000 nested arrays", 400, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":"
        + "[".repeat(10_000) + "]".repeat(10_000) + "}]}");
    trade("trade value with a lone surrogate", 400, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":[{\"op\":"
        + "\"add\",\"path\":\"/items/-\",\"value\":\"\\ud800\"}]}]}");
    trade("trade with a failing test operation", 422, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":"
        + "[{\"op\":\"test\",\"path\":\"/items/0\",\"value\":\"sword\"},{\"op\":\"remove\","
        + "\"path\":\"/items/0\"}]}]}");
    trade("trade removing a template key", 422, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":"
        + "[{\"op\":\"remove\",\"path\":\"/coins\"}]}]}");
    trade("trade with an unknown op", 422, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":"
        + "[{\"op\":\"dupe\",\"path\":\"/items/0\"}]}]}");
    trade("trade naming the victim twice", 422, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":" + give
        + "},{\"key\":\"Victim_1\",\"patch\":" + take + "}]}");
    trade("trade with a key not held here", 409, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":" + give
        + "},{\"key\":\"Other_1\",\"patch\":" + take + "}]}");
    // The body (80 bytes around the bio) fits the limit; the victim's document (164 bytes around it) does not.
    trade("trade over the document limit", 413, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":[{\"op\":\"add\","
        + "\"path\":\"/bio\",\"value\":\"" + "x".repeat(MAX_BYTES - 120) + "\"}]}]}");
    trade("trade body of 4 MB + 1 byte", 413, "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":[{\"op\":\"add\","
        + "\"path\":\"/bio\",\"value\":\"" + "x".repeat(MAX_BYTES) + "\"}]}]}");
    String valid = "{\"changes\":[{\"key\":\"Victim_1\",\"patch\":" + give + "}]}";
    add("trade on an unknown store", 404, node -> TradeCalls.tradeRequest(node, "/api/v1/stores/NoSuchStore/trades",
        node.game, valid, null));
    add("trade on a bad store name", 400, node -> TradeCalls.tradeRequest(node, "/api/v1/stores/Player%20Data/trades",
        node.game, valid, null));
    add("trade with an overlong Idempotency-Key", 400, node -> TradeCalls.tradeRequest(node, TradeCalls.TRADES,
        node.game, valid, "k".repeat(101)));
    add("trade as text/plain", 415, node -> node.request(TradeCalls.TRADES, node.game)
        .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(valid)).build());
    add("trade by support", 403, node -> TradeCalls.tradeRequest(node, TradeCalls.TRADES, node.support, valid, null));
    add("trade without credentials", 401, node -> node.request(TradeCalls.TRADES)
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(valid)).build());
    add("trade with a wrong password", 401, node -> node.request(TradeCalls.TRADES)
        .header("Authorization", new BasicCredentials(node.game.user(), "guess").header())
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(valid)).build());
    add("GET on trades", 405, node -> node.request(TradeCalls.TRADES, node.game).build());
  }

  private void trade(String name, int status, String body) {
    add(name, status, node -> TradeCalls.tradeRequest(node, TradeCalls.TRADES, node.game, body, null));
  }

  private void jobStart(String name, int status, String body) {
    add(name, status, node -> jobStartRequest(node, node.admin, "PlayerData", body).build());
  }

  private static HttpRequest.Builder jobStartRequest(ApiNode node, BasicCredentials user, String store,
      String body) {
    return node.request("/api/v1/stores/" + store + "/jobs", user).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
  }

  private void patch(String name, int status, String mediaType, String body) {
    patch(name, status, mediaType, body.getBytes(StandardCharsets.UTF_8));
  }

  private void patch(String name, int status, String mediaType, byte[] body) {
    add(name, status, node -> patchRequest(node.request(VICTIM, node.game), mediaType, body));
  }

  private static HttpRequest patchRequest(HttpRequest.Builder builder, String mediaType, String body) {
    return patchRequest(builder, mediaType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest patchRequest(HttpRequest.Builder builder, String mediaType, byte[] body) {
    return builder.header("Content-Type", mediaType).method("PATCH", BodyPublishers.ofByteArray(body)).build();
  }

  private void add(String name, int status, Function<ApiNode, HttpRequest> request) {
    cases.add(new HostileCase(name, status, request));
  }
}
