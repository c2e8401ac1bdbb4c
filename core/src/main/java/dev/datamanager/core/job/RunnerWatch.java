package dev.datamanager.core.job;

import dev.datamanager.persistence.job.JobProgress.Beat;
import java.util.function.BooleanSupplier;

/** What the runner of one job has learnt so far: the job went to another node, an admin cancelled it, or stop now. */
final class RunnerWatch {

  private final BooleanSupplier stopping;
  private volatile boolean lost;
  private volatile boolean cancelled;

  RunnerWatch(BooleanSupplier stopping, boolean cancelled) {
    this.stopping = stopping;
    this.cancelled = cancelled;
  }

  /** Takes in what a heartbeat or a recorded step answered. */
  void heard(Beat beat) {
    if (beat == Beat.LOST) {
      lost = true;
    } else if (beat == Beat.CANCEL) {
      cancelled = true;
    }
  }

  /** Another node runs the job now: this runner must write nothing more of it. */
  boolean lost() {
    return lost;
  }

  boolean cancelled() {
    return cancelled;
  }

  /** This node is stopping. */
  boolean stopping() {
    return stopping.getAsBoolean();
  }
}
