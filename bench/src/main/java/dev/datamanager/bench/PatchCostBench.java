package dev.datamanager.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Benchmark 6: runs {@link PatchCostBenchmark} and compares an update of a 1 MB document with one of 1 KB. */
final class PatchCostBench {

  private PatchCostBench() {}

  static Result run(BenchMode mode) throws Exception {
    Options options = new OptionsBuilder()
        .include(PatchCostBenchmark.class.getName())
        .mode(Mode.AverageTime)
        .timeUnit(TimeUnit.MICROSECONDS)
        .forks(mode.jmhFork() ? 1 : 0)
        .warmupIterations(mode.jmhFork() ? 5 : 2)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(mode.jmhFork() ? 5 : 3)
        .measurementTime(TimeValue.seconds(1))
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<Integer, RunResult> bySize = new TreeMap<>();
    results.forEach(r -> bySize.put(Integer.parseInt(r.getParams().getParam("bytes")), r));
    RunResult small = bySize.get(1024);
    RunResult large = bySize.get(1048576);
    return new Result("6. Update cost: 1 MB vs 1 KB document (JMH)", score(large), score(small), "us/op",
        Target.ratioAtMost(2), String.format(Locale.ROOT, "merge patch {\"coins\":n} through DocumentPatcher +"
            + " HeldSession.patch (the session PATCH path); 1 KB %.2f ± %.2f us, 1 MB %.2f ± %.2f us; JMH average time, %s.", score(small),
            small.getPrimaryResult().getScoreError(), score(large), large.getPrimaryResult().getScoreError(),
            mode.jmhFork() ? "1 fork, 5 × 1 s warm-up, 5 × 1 s measured" : "in-process, 2 × 1 s warm-up, 3 × 1 s"));
  }

  private static double score(RunResult result) {
    return result.getPrimaryResult().getScore();
  }
}
