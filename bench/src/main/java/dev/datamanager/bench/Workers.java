package dev.datamanager.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Runs tasks {@code 0 … count-1} on a fixed number of threads and times the whole, the same for both sides. */
final class Workers {

  /** One task; it may throw, which fails the benchmark. */
  @FunctionalInterface
  interface Task {
    void run(long index) throws Exception;
  }

  private Workers() {}

  /** Seconds taken by all tasks on {@code threads} threads; each thread takes the next index when done. */
  static double timed(int threads, long count, Task task) throws Exception {
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Void>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit((Callable<Void>) () -> {
          for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            task.run(i);
          }
          return null;
        }));
      }
      for (Future<Void> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
