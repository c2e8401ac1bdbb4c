package dev.datamanager.core.patch;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * How many bytes a patch added to a document's size, found by visiting only what differs: subtrees the patch did
 * not touch are the same instances before and after (JSON-P values are immutable and shared), so they are skipped.
 */
final class SizeChange {

  private SizeChange() {}

  /** The size of {@code after} minus that of {@code before}, looking only where {@code touched} allows a change. */
  static long between(JsonValue before, JsonValue after, Touched touched) {
    if (before == after) {
      return 0;
    }
    if (before instanceof JsonObject was && after instanceof JsonObject now) {
      return touched.isAnything() ? objects(was, now, allNames(was, now)) : objects(was, now, touched);
    }
    if (before instanceof JsonArray was && after instanceof JsonArray now) {
      return arrays(was, now);
    }
    return JsonSize.of(after) - JsonSize.of(before);
  }

  private static long objects(JsonObject was, JsonObject now, Touched touched) {
    long change = JsonSize.commas(now.size()) - JsonSize.commas(was.size());
    for (String name : touched.names()) {
      change += member(name, was.get(name), now.get(name), touched.child(name));
    }
    return change;
  }

  private static long objects(JsonObject was, JsonObject now, Iterable<String> names) {
    long change = JsonSize.commas(now.size()) - JsonSize.commas(was.size());
    for (String name : names) {
      change += member(name, was.get(name), now.get(name), Touched.ANYTHING);
    }
    return change;
  }

  private static long member(String name, JsonValue was, JsonValue now, Touched touched) {
    if (was == null) {
      return now == null ? 0 : JsonSize.member(name, now);
    }
    return now == null ? -JsonSize.member(name, was) : between(was, now, touched);
  }

  private static Iterable<String> allNames(JsonObject was, JsonObject now) {
    Set<String> names = new java.util.LinkedHashSet<>(was.keySet());
    names.addAll(now.keySet());
    return names;
  }

  /**
   * Elements shared at both ends are skipped; in between, elements are compared pairwise when the count is the same
   * (a change inside elements), and counted whole otherwise (an insertion or removal shifted them).
   */
  private static long arrays(JsonArray was, JsonArray now) {
    int before = was.size();
    int after = now.size();
    int shortest = Math.min(before, after);
    int head = 0;
    while (head < shortest && was.get(head) == now.get(head)) {
      head++;
    }
    int tail = 0;
    while (tail < shortest - head && was.get(before - 1 - tail) == now.get(after - 1 - tail)) {
      tail++;
    }
    long change = JsonSize.commas(after) - JsonSize.commas(before);
    if (before == after) {
      for (int i = head; i < after - tail; i++) {
        change += between(was.get(i), now.get(i), Touched.ANYTHING);
      }
      return change;
    }
    for (int i = head; i < before - tail; i++) {
      change -= JsonSize.of(was.get(i));
    }
    for (int i = head; i < after - tail; i++) {
      change += JsonSize.of(now.get(i));
    }
    return change;
  }
}
