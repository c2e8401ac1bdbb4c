package dev.datamanager.core.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionLeaseTest {

  @Test
  void onlyOneOfManyConcurrentReleasesClaimsTheSession() throws Exception {
    SessionLease lease = new SessionLease(Instant.EPOCH);
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger claimed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] futures = new Future<?>[threads];
      for (int i = 0; i < threads; i++) {
        futures[i] = pool.submit(() -> {
          start.await();
          if (lease.beginRelease()) {
            claimed.incrementAndGet();
          }
          return null;
        });
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(claimed.get() == 1, "claimed " + claimed.get() + " times");
    lease.endRelease();
    assertTrue(lease.beginRelease(), "free again once the first release ended");
  }

  @Test
  void aLeaveIsRetriedOnlyAfterItFailedAndWhileNoReleaseRuns() {
    SessionLease lease = new SessionLease(Instant.EPOCH);
    lease.markLeaving();
    assertFalse(lease.leaveToRetry(), "a leave in its first attempt is not the autosave's to retry");
    lease.failed();
    assertTrue(lease.beginRelease());
    assertFalse(lease.leaveToRetry(), "never while a release is running");
    lease.endRelease();
    assertFalse(lease.mayRetryNow(), "backing off right after the failure");
    lease.confirm(Instant.EPOCH, System.nanoTime());
    assertFalse(lease.leaveToRetry(), "a confirmed lease has no failure to retry");
  }
}
