package dev.datamanager.it.fleet;

import dev.datamanager.it.fault.FaultNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Reads each node's process CPU load and used heap from its {@code /metrics} every few seconds while it is up. */
final class NodeSampler implements AutoCloseable {

  /** One reading: CPU as a share of the whole machine (0..1), used heap in bytes. */
  record Sample(double cpu, double heapBytes) {}

  private static final long PERIOD_SECONDS = 3;

  private final Map<String, List<Sample>> samples = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  NodeSampler(List<FaultNode> nodes, Fleet fleet) {
    timer.scheduleAtFixedRate(() -> nodes.stream().filter(node -> !fleet.down.contains(node))
        .forEach(this::sample), PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  private void sample(FaultNode node) {
    try {
      HttpResponse<String> metrics = node.process().get("/metrics");
      if (metrics.statusCode() != 200) {
        return;
      }
      double cpu = -1;
      double heap = -1;
      for (String line : metrics.body().split("\n")) {
        if (line.startsWith("#")) {
          continue;
        }
        if (line.contains("processCpuLoad")) {
          cpu = value(line);
        } else if (line.contains("memory_usedHeap")) {
          heap = value(line);
        }
      }
      if (cpu >= 0 && heap >= 0) {
        samples.computeIfAbsent(node.id(), id -> new CopyOnWriteArrayList<>()).add(new Sample(cpu, heap));
      }
    } catch (RuntimeException notUp) {
      // Stopping or starting: no sample this time.
    }
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  Map<String, List<Sample>> samples() {
    return new TreeMap<>(samples);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
