package dev.datamanager.it.fault;

import java.time.Duration;

/**
 * A node killed with SIGKILL or frozen with SIGSTOP, from just before the signal until the process was gone
 * (kill) or just before SIGCONT (freeze); no answer of that node read in between can be newer than the signal. By
 * {@code inEffectNanos} the signal had surely taken hold (the {@code kill} command had returned): a request sent
 * before it may have been taken, and decided, before the freeze, and answered only after SIGCONT.
 */
record Fault(String node, Kind kind, long fromNanos, long inEffectNanos, long untilNanos) {

  Fault(String node, Kind kind, long fromNanos, long untilNanos) {
    this(node, kind, fromNanos, fromNanos, untilNanos);
  }

  enum Kind { KILL, FREEZE }

  static Fault kill(FaultNode node) {
    long from = System.nanoTime();
    node.process.kill9();
    return new Fault(node.id(), Kind.KILL, from, System.nanoTime());
  }

  /** SIGSTOP for {@code frozenFor}, then SIGCONT. */
  static Fault freeze(FaultNode node, Duration frozenFor) {
    long from = System.nanoTime();
    node.process.suspend();
    long inEffect = System.nanoTime();
    long until = from;
    try {
      FrozenOwner.sleep(frozenFor);
    } finally {
      until = System.nanoTime();
      node.process.resume();
    }
    return new Fault(node.id(), Kind.FREEZE, from, inEffect, until);
  }
}
