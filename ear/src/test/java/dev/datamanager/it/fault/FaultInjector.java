package dev.datamanager.it.fault;

import dev.datamanager.testsupport.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Injects cycles of faults, a few seconds apart so that their effects do not overlap, while another cycle fits before
 * a deadline: PostgreSQL restarted, one node stopped with SIGTERM and started again, one frozen past the stale lease,
 * one killed with SIGKILL (and started again if another cycle follows); records each event.
 */
final class FaultInjector implements Runnable {

  private static final Duration BETWEEN = Duration.ofSeconds(5);
  private static final Duration OUTAGE = Duration.ofSeconds(3);

  /** Something the injector did, at {@link System#nanoTime()}. */
  record Event(long nanos, String what) {}

  final Set<FaultNode> down = ConcurrentHashMap.newKeySet();
  final List<Fault> faults = new CopyOnWriteArrayList<>();
  final List<Event> events = new CopyOnWriteArrayList<>();
  private final TestPostgres postgres;
  private final List<FaultNode> nodes;
  private final LeaseSettings lease;
  private final long deadlineNanos;
  private volatile boolean done;
  private int cycles;
  private int forcedStops;

  FaultInjector(TestPostgres postgres, List<FaultNode> nodes, LeaseSettings lease, Duration run) {
    this.postgres = postgres;
    this.nodes = nodes;
    this.lease = lease;
    this.deadlineNanos = System.nanoTime() + run.toNanos();
  }

  @Override
  public void run() {
    try {
      for (int cycle = 0; ; cycle++) {
        cycles++;
        long started = System.nanoTime();
        FrozenOwner.sleep(BETWEEN);
        event("PostgreSQL stopped");
        postgres.stop();
        FrozenOwner.sleep(OUTAGE);
        postgres.restart();
        event("PostgreSQL started");
        FrozenOwner.sleep(BETWEEN);
        stopAndRestart(nodes.get(cycle % nodes.size()));
        FrozenOwner.sleep(BETWEEN);
        fault(Fault.freeze(nodes.get((cycle + 1) % nodes.size()), lease.stale().plusSeconds(2)));
        FrozenOwner.sleep(BETWEEN);
        FaultNode killed = nodes.get((cycle + 2) % nodes.size());
        down.add(killed);
        fault(Fault.kill(killed));
        long now = System.nanoTime();
        if (now + (now - started) - deadlineNanos > 0) {
          break; // another cycle as long as this one would end past the deadline
        }
        FrozenOwner.sleep(lease.stale());
        killed.restart();
        down.remove(killed);
        event(killed.id() + " started again");
      }
      // Long enough for the clients to take the killed node's keys over.
      FrozenOwner.sleep(lease.stale().plusSeconds(2));
    } finally {
      done = true;
    }
  }

  /** SIGTERM: the shutdown flush must save every acknowledged update; a forced kill after the timeout is a kill. */
  private void stopAndRestart(FaultNode node) {
    down.add(node);
    long from = event("SIGTERM to " + node.id());
    if (node.process.stop()) {
      event(node.id() + " stopped");
    } else {
      forcedStops++;
      fault(new Fault(node.id(), Fault.Kind.KILL, from, System.nanoTime()));
    }
    node.restart();
    down.remove(node);
    event(node.id() + " started again");
  }

  private long event(String what) {
    long now = System.nanoTime();
    events.add(new Event(now, what));
    return now;
  }

  private void fault(Fault fault) {
    faults.add(fault);
    events.add(new Event(fault.fromNanos(), fault.kind() + " of " + fault.node()));
    events.add(new Event(fault.untilNanos(), fault.kind() + " of " + fault.node() + " over"));
  }

  boolean running() {
    return !done;
  }

  @Override
  public String toString() {
    return String.format("%d cycles of: PostgreSQL down %d s, SIGTERM and restart, SIGSTOP %d s, kill -9"
        + " (graceful stops that had to be forced: %d)", cycles, OUTAGE.toSeconds(), lease.stale().plusSeconds(2)
        .toSeconds(), forcedStops);
  }
}
