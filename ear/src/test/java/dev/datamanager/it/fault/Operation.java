package dev.datamanager.it.fault;

import java.util.function.Supplier;

/**
 * One request a client sent and what the node answered, timed by this JVM's {@link System#nanoTime()}.
 *
 * @param kind join, patch, save or leave
 * @param status the HTTP status, or {@link Answer#NO_ANSWER}
 * @param generation the lock generation the answer carried (join, patch, save), or the one the client believed it
 *     held (leave), or -1
 * @param version the committed version an acknowledged save answered with, else -1
 * @param item the unique id a patch appended to {@code /items}, else null
 */
record Operation(String node, String key, String kind, int status, long generation, long version, String item,
    long sentNanos, long answeredNanos) {

  /** Sends {@code request} now and logs its answer; {@code believed} is the generation to log if the answer has none. */
  static Operation send(FaultNode node, String key, String kind, String item, long believed,
      Supplier<Answer> request) {
    long sent = System.nanoTime();
    Answer answer = request.get();
    long answered = System.nanoTime();
    boolean body = answer.ok() && !kind.equals("leave");
    return new Operation(node.id(), key, kind, answer.status(), body ? answer.generation() : believed,
        body && kind.equals("save") ? answer.version() : -1, item, sent, answered);
  }

  boolean acknowledged() {
    return status == 200 || status == 204;
  }

  /** A definite no: the node answered that it did not apply the request (a 4xx or a retryable 503). */
  boolean refused() {
    return (status >= 400 && status < 500) || status == 503;
  }

  /** Acknowledged with the generation the node reported itself (not a client's belief). */
  boolean reportsGeneration() {
    return acknowledged() && !kind.equals("leave") && generation >= 0;
  }
}
