package dev.datamanager.it.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the node acknowledged per session: each thread's last counter value and every item it appended. */
final class AcknowledgedChanges {

  private final ConcurrentMap<String, ConcurrentMap<String, Integer>> counters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, List<String>> items = new ConcurrentHashMap<>();
  private final AtomicInteger acknowledged = new AtomicInteger();

  void counter(String key, String field, int value) {
    counters.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).merge(field, value, Math::max);
    acknowledged.incrementAndGet();
  }

  void item(String key, String item) {
    items.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(item);
    acknowledged.incrementAndGet();
  }

  /** How many patches the node acknowledged with 200. */
  int count() {
    return acknowledged.get();
  }

  /** Every acknowledged change of {@code key} is in {@code data}, each item exactly once and nothing else added. */
  void assertPresentIn(String key, JsonObject data, String stage) {
    counters.getOrDefault(key, new ConcurrentHashMap<>()).forEach((field, value) ->
        assertEquals(value.intValue(), data.getInt(field), stage + ": " + key + " " + field));
    Map<String, Long> expected = items.getOrDefault(key, List.of()).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    Map<String, Long> actual = data.getJsonArray("items").getValuesAs(JsonString::getString).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(expected, actual, stage + ": " + key + " items, each exactly once");
  }
}
