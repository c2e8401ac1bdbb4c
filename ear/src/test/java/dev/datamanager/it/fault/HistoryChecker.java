package dev.datamanager.it.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a history of requests and faults against the records stored at the end: every update answered 200 is
 * stored (unless its node was killed, or frozen until its lock was stolen, before it could be saved), none twice,
 * none that was refused, and no owner acknowledges under a generation superseded or held by another node.
 */
final class HistoryChecker {

  /** The violations found, by kind, and how many acknowledged updates there were and were excused by a fault. */
  record Verdict(List<String> lost, List<String> duplicated, List<String> fenced, List<String> refusedStored,
      int acknowledged, int excused) {

    List<String> all() {
      return Stream.of(lost, duplicated, fenced, refusedStored).flatMap(List::stream).toList();
    }

    @Override
    public String toString() {
      return String.format("%d acknowledged updates (%d unsaved when their node was killed or frozen, allowed lost);"
          + " lost acknowledged updates: %d, duplicated appends: %d, writes from a fenced-off owner: %d,"
          + " refused updates stored: %d", acknowledged, excused, lost.size(), duplicated.size(), fenced.size(),
          refusedStored.size());
    }
  }

  private final List<Operation> log;
  private final Map<String, List<Operation>> byKey;
  private final List<Fault> faults;
  private final Map<String, List<String>> stored;
  private final Map<String, Set<String>> storedSets = new HashMap<>();
  private final long windowNanos;
  private final long origin;
  private final List<String> lost = new ArrayList<>();
  private final List<String> duplicated = new ArrayList<>();
  private final List<String> fenced = new ArrayList<>();
  private final List<String> refusedStored = new ArrayList<>();
  private int acknowledged;
  private int excused;

  private HistoryChecker(List<Operation> log, List<Fault> faults, Map<String, List<String>> stored, Duration window) {
    this.log = log;
    this.byKey = log.stream().collect(Collectors.groupingBy(Operation::key));
    this.faults = faults;
    this.stored = stored;
    this.windowNanos = window.toNanos();
    this.origin = log.stream().mapToLong(Operation::sentNanos).min().orElse(0);
  }

  /**
   * @param stored each key's stored {@code items}, in order
   * @param unsavedWindow how long before a kill or freeze an acknowledged update may still be unsaved
   */
  static Verdict check(List<Operation> log, List<Fault> faults, Map<String, List<String>> stored,
      Duration unsavedWindow) {
    HistoryChecker checker = new HistoryChecker(log, faults, stored, unsavedWindow);
    checker.durability();
    checker.storedOnce();
    checker.generations();
    checker.versions();
    return new Verdict(checker.lost, checker.duplicated, checker.fenced, checker.refusedStored, checker.acknowledged,
        checker.excused);
  }

  private void durability() {
    for (Operation op : patches(Operation::acknowledged)) {
      acknowledged++;
      if (stored(op.key()).contains(op.item())) {
        continue;
      }
      if (faults.stream().anyMatch(fault -> excuses(fault, op))) {
        excused++;
      } else {
        lost.add(op.key() + ": " + op.item() + " answered 200 by " + op.node() + " at " + at(op.answeredNanos())
            + " under generation " + op.generation() + " is not stored");
      }
    }
  }

  /**
   * A kill, or a freeze during which another node took the key, loses what the node acknowledged within the window
   * before it, if the node still held the key unsaved: no save or leave of that session (same generation)
   * acknowledged since, no other holder. "Before it" counts a request the node took before the freeze held and
   * answered only after SIGCONT (sent before the signal had surely taken effect): the node decided it before the
   * freeze, and what a frozen node decided last is what a crash takes (README, "What a 200 promises").
   */
  private boolean excuses(Fault fault, Operation op) {
    long answered = op.answeredNanos();
    return fault.node().equals(op.node())
        && answered >= fault.fromNanos() - windowNanos
        && (answered <= fault.untilNanos() || op.sentNanos() <= fault.inEffectNanos())
        && (fault.kind() == Fault.Kind.KILL || any(op.key(), other -> isJoinElsewhere(other, op)
            && other.sentNanos() >= fault.fromNanos() && other.sentNanos() <= fault.untilNanos()))
        && !any(op.key(), other -> other.node().equals(op.node()) && other.generation() == op.generation()
            && other.acknowledged() && (other.kind().equals("save") || other.kind().equals("leave"))
            && other.sentNanos() >= answered)
        && !any(op.key(), other -> isJoinElsewhere(other, op) && other.answeredNanos() > answered
            && other.answeredNanos() < fault.fromNanos());
  }

  private static boolean isJoinElsewhere(Operation other, Operation op) {
    return other.kind().equals("join") && other.acknowledged() && !other.node().equals(op.node());
  }

  private void storedOnce() {
    Map<String, Operation> byItem = new HashMap<>();
    patches(op -> true).forEach(op -> byItem.put(op.item(), op));
    stored.forEach((key, items) -> items.stream().distinct().forEach(item -> {
      int times = Collections.frequency(items, item);
      if (times > 1) {
        duplicated.add(key + ": " + item + " stored " + times + " times");
      }
      Operation patch = byItem.get(item);
      if (patch != null && patch.refused()) {
        refusedStored.add(key + ": " + item + " stored although " + patch.node() + " refused it with "
            + patch.status());
      }
    }));
  }

  /** One node per generation of a key; nothing acknowledged under a generation after a newer one was granted. */
  private void generations() {
    Map<String, Map<Long, Set<String>>> holders = new HashMap<>();
    for (Operation op : log) {
      if (op.reportsGeneration()) {
        Set<String> nodes = holders.computeIfAbsent(op.key(), k -> new HashMap<>())
            .computeIfAbsent(op.generation(), g -> new HashSet<>());
        if (nodes.add(op.node()) && nodes.size() > 1) {
          fenced.add(op.key() + ": generation " + op.generation() + " held by " + nodes);
        }
      }
      if (op.reportsGeneration() && !op.kind().equals("join")) {
        byKey.get(op.key()).stream().filter(join -> join.kind().equals("join") && join.acknowledged()
            && join.generation() > op.generation() && join.answeredNanos() < op.sentNanos()).findFirst()
            .ifPresent(join -> fenced.add(op.key() + ": " + op.kind() + (op.item() == null ? "" : " " + op.item())
                + " acknowledged by " + op.node() + " under generation " + op.generation() + ", sent at "
                + at(op.sentNanos()) + " after generation " + join.generation() + " was granted to " + join.node()
                + (stored(op.key()).contains(op.item()) ? "; it is stored" : "")));
      }
    }
  }

  /** A save answered after another one was acknowledged never reports an older version. */
  private void versions() {
    byKey.values().forEach(ops -> {
      List<Operation> saves = ops.stream().filter(op -> op.kind().equals("save") && op.acknowledged()).toList();
      for (Operation later : saves) {
        saves.stream().filter(earlier -> earlier.answeredNanos() < later.sentNanos() && earlier.version() > later.version()).findFirst()
            .ifPresent(earlier -> fenced.add(later.key() + ": save on " + later.node() + " at "
                + at(later.sentNanos()) + " answered version " + later.version() + " after a save on "
                + earlier.node() + " answered " + earlier.version()));
      }
    });
  }

  private List<Operation> patches(Predicate<Operation> filter) {
    return log.stream().filter(op -> op.kind().equals("patch") && filter.test(op)).toList();
  }

  private boolean any(String key, Predicate<Operation> filter) {
    return byKey.get(key).stream().anyMatch(filter);
  }

  private Set<String> stored(String key) {
    return storedSets.computeIfAbsent(key, k -> new HashSet<>(stored.getOrDefault(k, List.of())));
  }

  private String at(long nanos) {
    return String.format("+%.3f s", (nanos - origin) / 1e9);
  }
}
