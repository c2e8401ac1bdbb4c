package dev.datamanager.it.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs tasks on threads of their own, released by one latch at the same moment, with a bound on the whole run. */
final class Together {

  private Together() {}

  /** The tasks' results in task order; a task's failure or the timeout fails the caller. */
  static <T> List<T> run(List<Callable<T>> tasks, Duration timeout) {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    CountDownLatch ready = new CountDownLatch(tasks.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          if (!go.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("never released");
          }
          return task.call();
        }));
      }
      if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("Threads did not start within " + timeout);
      }
      go.countDown();
      long deadline = System.nanoTime() + timeout.toNanos();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return results;
    } catch (ExecutionException e) {
      throw new AssertionError("A concurrent task failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("Concurrent tasks not done within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
