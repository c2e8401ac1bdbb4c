package dev.datamanager.it.fleet;

import dev.datamanager.it.fault.Answer;
import dev.datamanager.it.fault.FaultNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulated players share: the nodes and which are down, a bounded pool of client threads that runs each
 * player's next event at its time, the rate multiplier, and where answers and acknowledgements are recorded.
 */
final class Fleet {

  private static final Pattern PROBLEM = Pattern.compile("urn:datamanager:problem:([a-z-]+)");

  final List<FaultNode> nodes;
  final Set<FaultNode> down = ConcurrentHashMap.newKeySet();
  final Ledger ledger = new Ledger();
  final ScheduledThreadPoolExecutor clients;
  final AtomicLong unexpected = new AtomicLong();
  private final FleetSettings settings;
  private volatile Latencies latencies = new Latencies();
  private volatile double rate = 1.0;
  private volatile boolean running = true;

  Fleet(List<FaultNode> nodes, FleetSettings settings) {
    this.nodes = nodes;
    this.settings = settings;
    this.clients = new ScheduledThreadPoolExecutor(settings.threads());
    this.clients.setRemoveOnCancelPolicy(true);
    // At the end an event not yet due is dropped, not waited for: a player's next event may be minutes away.
    this.clients.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Runs {@code call} and records its answer under {@code operation} in the current phase. */
  Answer timed(String operation, Supplier<Answer> call) {
    Answer answer = call.get();
    latencies.record(operation, answer.status(), problem(answer), answer.nanos());
    return answer;
  }

  /** The kind of a problem+json answer ({@code urn:datamanager:problem:<kind>}), or null. */
  private static String problem(Answer answer) {
    Matcher kind = PROBLEM.matcher(answer.status() >= 400 ? answer.body() : "");
    return kind.find() ? kind.group(1) : null;
  }

  /** Starts recording into a fresh set of latencies (a phase of the run); answers the previous one. */
  Latencies nextPhase() {
    Latencies previous = latencies;
    latencies = new Latencies();
    return previous;
  }

  Latencies latencies() {
    return latencies;
  }

  void rate(double multiplier) {
    rate = multiplier;
  }

  double rate() {
    return rate;
  }

  boolean running() {
    return running;
  }

  /** No new events from here; events under way finish, events not yet due never run. */
  void stop() {
    running = false;
    clients.shutdown();
  }

  /** Schedules {@code event} after an exponentially distributed pause of mean {@code meanMillis} at rate 1. */
  void schedule(Runnable event, double meanMillis) {
    if (!running) {
      return;
    }
    double pause = -Math.log(1 - ThreadLocalRandom.current().nextDouble()) * meanMillis / rate;
    long due = System.nanoTime() + (long) (pause * 1e6);
    clients.schedule(() -> {
      latencies.late(System.nanoTime() - due);
      event.run();
    }, (long) (pause * 1000), TimeUnit.MICROSECONDS);
  }

  /** A node that is up: {@code preferred} if it is, else a random live one (or any, if all are down). */
  FaultNode live(FaultNode preferred) {
    if (preferred != null && !down.contains(preferred)) {
      return preferred;
    }
    List<FaultNode> live = nodes.stream().filter(node -> !down.contains(node)).toList();
    List<FaultNode> from = live.isEmpty() ? nodes : live;
    return from.get(ThreadLocalRandom.current().nextInt(from.size()));
  }

  /** A live node other than {@code from}, or null if there is none. */
  FaultNode other(FaultNode from) {
    List<FaultNode> others = nodes.stream().filter(node -> node != from && !down.contains(node)).toList();
    return others.isEmpty() ? null : others.get(ThreadLocalRandom.current().nextInt(others.size()));
  }

  FleetSettings settings() {
    return settings;
  }
}
