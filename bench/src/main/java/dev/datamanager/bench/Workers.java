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
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      return timed(pool, threads, 0, count, task);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Seconds taken by each of two tasks over indexes {@code 0 … count-1}, run in turns of {@code chunk} indexes
   * ({@code first}'s, then {@code second}'s on the same indexes), so that a change of the machine's load falls on
   * both alike.
   */
  static double[] alternating(int threads, long count, int chunk, Task first, Task second) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      double[] seconds = new double[2];
      for (long from = 0; from < count; from += chunk) {
        long to = Math.min(count, from + chunk);
        seconds[0] += timed(pool, threads, from, to, first);
        seconds[1] += timed(pool, threads, from, to, second);
      }
      return seconds;
    } finally {
      pool.shutdownNow();
    }
  }

  private static double timed(ExecutorService pool, int threads, long from, long to, Task task) throws Exception {
    AtomicLong next = new AtomicLong(from);
    long start = System.nanoTime();
    List<Future<Void>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit((Callable<Void>) () -> {
        for (long i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
          task.run(i);
        }
        return null;
      }));
    }
    for (Future<Void> worker : workers) {
      worker.get();
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
