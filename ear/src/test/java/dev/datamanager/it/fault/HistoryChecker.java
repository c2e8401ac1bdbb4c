package dev.datamanager.it.fault;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a log of operations against the final records: each generation of a key was granted to one node only; no
 * node had a patch, save or leave acknowledged under a generation it was not granted; per key, acknowledged save
 * versions strictly increase with the generation; every acknowledged save is in the final data, each item once.
 */
final class HistoryChecker {

  private final List<String> violations = new ArrayList<>();

  /** The violations found, empty when the history is correct. */
  static List<String> check(List<Operation> log, Map<String, List<String>> finalItems) {
    HistoryChecker checker = new HistoryChecker();
    Map<String, Map<Long, String>> granted = checker.grants(log);
    checker.fencing(log, granted);
    checker.versions(log);
    checker.durability(log, finalItems);
    return checker.violations;
  }

  private Map<String, Map<Long, String>> grants(List<Operation> log) {
    Map<String, Map<Long, String>> granted = new HashMap<>();
    for (Operation op : log) {
      if (op.kind().equals("join") && op.acknowledged()) {
        String before = granted.computeIfAbsent(op.key(), k -> new HashMap<>()).putIfAbsent(op.generation(), op.node());
        if (before != null && !before.equals(op.node())) {
          violations.add(op.key() + " generation " + op.generation() + " granted to " + before + " and " + op.node());
        }
      }
    }
    return granted;
  }

  private void fencing(List<Operation> log, Map<String, Map<Long, String>> granted) {
    for (Operation op : log) {
      if (!op.kind().equals("join") && op.acknowledged()) {
        String holder = granted.getOrDefault(op.key(), Map.of()).get(op.generation());
        if (!op.node().equals(holder)) {
          violations.add(op.kind() + " #" + op.seq() + " of " + op.key() + " acknowledged by " + op.node()
              + " under generation " + op.generation() + " granted to " + holder);
        }
      }
    }
  }

  private void versions(List<Operation> log) {
    Map<String, List<Operation>> saves = new HashMap<>();
    log.stream().filter(op -> op.kind().equals("save") && op.acknowledged())
        .forEach(op -> saves.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op));
    saves.forEach((key, ops) -> {
      ops.sort(Comparator.comparingLong(Operation::generation).thenComparingLong(Operation::seq));
      for (int i = 1; i < ops.size(); i++) {
        if (ops.get(i).version() <= ops.get(i - 1).version()) {
          violations.add(key + ": save #" + ops.get(i).seq() + " (generation " + ops.get(i).generation()
              + ") got version " + ops.get(i).version() + " after #" + ops.get(i - 1).seq() + " got "
              + ops.get(i - 1).version());
        }
      }
    });
  }

  private void durability(List<Operation> log, Map<String, List<String>> finalItems) {
    finalItems.forEach((key, items) -> {
      if (new HashSet<>(items).size() != items.size()) {
        violations.add(key + ": an item stored twice: " + items);
      }
    });
    Set<String> unacknowledgedOnly = new HashSet<>();
    Set<String> acknowledgedPatches = new HashSet<>();
    for (Operation op : log) {
      if (op.kind().equals("patch") && op.status() != Answer.NO_ANSWER) {
        (op.status() == 200 ? acknowledgedPatches : unacknowledgedOnly).addAll(op.items());
      }
      boolean durable = (op.kind().equals("save") || op.kind().equals("leave")) && op.acknowledged();
      if (durable && !finalItems.getOrDefault(op.key(), List.of()).containsAll(op.items())) {
        violations.add(op.kind() + " #" + op.seq() + " of " + op.key() + " on " + op.node()
            + " was acknowledged, but its items are not all in the final record");
      }
    }
    // A patch refused with a definite answer (409, 503, 404) must not reach the database.
    finalItems.forEach((key, items) -> items.stream().distinct()
        .filter(item -> !acknowledgedPatches.contains(item) && unacknowledgedOnly.contains(item))
        .forEach(item -> violations.add(key + ": item " + item + " stored although its patch was refused")));
  }
}
