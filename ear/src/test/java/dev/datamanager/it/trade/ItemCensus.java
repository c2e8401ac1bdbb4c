package dev.datamanager.it.trade;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where each item is stored: an item of the starting set held by more than one record (or twice by one) is
 * duplicated, one held by none is destroyed, one that was never handed out is unknown.
 *
 * @param stored the items of each record, as read
 */
public record ItemCensus(Map<String, List<String>> stored, List<String> duplicated, List<String> destroyed,
    List<String> unknown) {

  /** Counts every item of {@code expected} across {@code stored}, the items of each record by key. */
  public static ItemCensus of(Collection<String> expected, Map<String, List<String>> stored) {
    Map<String, Integer> seen = new HashMap<>();
    stored.values().forEach(items -> items.forEach(item -> seen.merge(item, 1, Integer::sum)));
    List<String> duplicated = new ArrayList<>();
    List<String> destroyed = new ArrayList<>();
    for (String item : new TreeSet<>(expected)) {
      int count = seen.getOrDefault(item, 0);
      if (count == 0) {
        destroyed.add(item);
      } else if (count > 1) {
        duplicated.add(item + " x" + count);
      }
    }
    List<String> unknown = seen.keySet().stream().filter(item -> !expected.contains(item)).sorted().toList();
    return new ItemCensus(Map.copyOf(stored), duplicated, destroyed, unknown);
  }

  /** Every item exactly once, nothing else. */
  public boolean exact() {
    return duplicated.isEmpty() && destroyed.isEmpty() && unknown.isEmpty();
  }

  @Override
  public String toString() {
    return "duplicated " + duplicated + ", destroyed " + destroyed + ", unknown " + unknown + " in " + stored;
  }
}
