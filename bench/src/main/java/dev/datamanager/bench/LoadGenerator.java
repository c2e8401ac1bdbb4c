package dev.datamanager.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/** A closed-loop Java HttpClient load: each thread sends its next request as soon as the last one is answered. */
final class LoadGenerator {

  private static final int MAX_SAMPLES_PER_THREAD = 2_000_000;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final int threads;

  LoadGenerator(int threads) {
    this.threads = threads;
  }

  /** Runs {@code request(i)} for {@code warmup}, then measures for {@code measure}; non-2xx answers are errors. */
  LoadFigures run(Duration warmup, Duration measure, LongFunction<HttpRequest> request) throws Exception {
    timed(warmup, Long.MAX_VALUE, request);
    return timed(measure, Long.MAX_VALUE, request);
  }

  /** Sends exactly {@code count} requests spread over the threads, however long they take (bounded by a day). */
  LoadFigures count(long count, LongFunction<HttpRequest> request) throws Exception {
    return timed(Duration.ofDays(1), count, request);
  }

  private LoadFigures timed(Duration duration, long limit, LongFunction<HttpRequest> request) throws Exception {
    AtomicLong next = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> samples = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        samples.add(pool.submit(() -> loop(deadline, limit, next, errors, request)));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : samples) {
        all.add(f.get());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
      return LoadFigures.ofSamples(errors.get(), seconds, latencies);
    } finally {
      pool.shutdownNow();
    }
  }

  private long[] loop(long deadline, long limit, AtomicLong next, AtomicLong errors,
      LongFunction<HttpRequest> request) throws InterruptedException {
    long[] latencies = new long[1024];
    int n = 0;
    for (long i = next.getAndIncrement(); i < limit && System.nanoTime() < deadline && n < MAX_SAMPLES_PER_THREAD;
        i = next.getAndIncrement()) {
      long sent = System.nanoTime();
      try {
        HttpResponse<Void> answer = client.send(request.apply(i), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
          errors.incrementAndGet();
          continue;
        }
      } catch (IOException e) {
        errors.incrementAndGet();
        continue;
      }
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
      }
      latencies[n++] = System.nanoTime() - sent;
    }
    return Arrays.copyOf(latencies, n);
  }
}
