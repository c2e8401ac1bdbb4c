package dev.datamanager.persistence.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds one transaction open just before its commit, with its row locks taken, until the test opens it. */
public final class CommitGate {

  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch opened = new CountDownLatch(1);

  /** Waits until the held transaction has done all its work and is about to commit. */
  public void awaitReached() throws InterruptedException {
    if (!reached.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("The held transaction never reached its commit");
    }
  }

  public void open() {
    opened.countDown();
  }

  void pass() throws InterruptedException {
    reached.countDown();
    if (!opened.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("The test never opened the commit gate");
    }
  }
}
